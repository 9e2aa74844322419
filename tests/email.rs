//! `--format email`: the message parsed back with mail-parser: structure, encoded headers
//! (an Arabic subject), the two alternatives, determinism, and the envelope's errors.

use mail_parser::{MessageParser, MimeHeaders};

use crate::util::*;

fn email(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend_from_slice(&[
        "--format",
        "email",
        "--from",
        "Briefing <news@example.org>",
        "--to",
        "reader@example.com",
        "--to",
        "Second Reader <second@example.net>",
        "--date",
        "2026-11-22 06:00",
    ]);
    ok(&all)
}

#[test]
fn arabic_briefing_email_parses_with_both_alternatives() {
    let raw = email(&["summarize", AR]);
    let msg = MessageParser::default()
        .parse(raw.as_bytes())
        .expect("a parsable message");
    assert_eq!(
        msg.subject(),
        Some("Briefing: الجعفري والن يبحثان الوضع الامني في العراق")
    );
    assert!(raw.contains("Subject: =?utf-8?"), "the subject is encoded");
    let from = msg.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("news@example.org"));
    assert_eq!(from.name(), Some("Briefing"));
    let to: Vec<&str> = msg
        .to()
        .unwrap()
        .iter()
        .filter_map(|a| a.address())
        .collect();
    assert_eq!(to, ["reader@example.com", "second@example.net"]);
    assert_eq!(msg.date().unwrap().to_rfc3339(), "2026-11-22T06:00:00Z");
    assert!(msg.message_id().unwrap().ends_with("@example.org"));
    let ct = msg.content_type().unwrap();
    assert_eq!(ct.ctype(), "multipart");
    assert_eq!(ct.subtype(), Some("alternative"));
    // The text part is exactly `--format text`; the HTML part is the HTML page.
    let text = msg.body_text(0).unwrap();
    assert_eq!(text.replace("\r\n", "\n"), ok(&["summarize", AR]));
    let html = msg.body_html(0).unwrap();
    assert_eq!(
        html.replace("\r\n", "\n"),
        ok(&["summarize", AR, "--format", "html"])
    );
    // Headers are ASCII (the subject RFC 2047-encoded); the Arabic bodies go as 8bit UTF-8,
    // in CRLF lines of at most 998 bytes.
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    assert!(head.is_ascii(), "{head}");
    assert!(!body.is_ascii());
    assert_eq!(
        raw.matches("Content-Transfer-Encoding: 8bit").count(),
        2,
        "{raw}"
    );
    assert!(
        raw.split("\r\n")
            .all(|l| l.len() <= 998 && !l.contains('\n'))
    );
}

#[test]
fn digest_email_subject_names_the_top_story_and_is_reproducible() {
    let a = email(&["digest", AR, EN, "--words", "40"]);
    let b = email(&["digest", EN, AR, "--words", "40", "--threads", "1"]);
    assert_eq!(a, b, "same input and date, same bytes");
    let msg = MessageParser::default().parse(a.as_bytes()).unwrap();
    let subject = msg.subject().unwrap();
    let top = ok(&["digest", AR, EN, "--words", "40", "--format", "json"]);
    let top: serde_json::Value = serde_json::from_str(&top).unwrap();
    let headline = top["stories"][0]["headline"].as_str().unwrap();
    assert_eq!(subject, format!("News digest: {headline}"));
    let custom = ok(&[
        "digest",
        AR,
        EN,
        "--format",
        "email",
        "--from",
        "a@b.org",
        "--to",
        "c@d.org",
        "--subject",
        "موجز الصباح",
        "--date",
        "1700000000",
    ]);
    let msg = MessageParser::default().parse(custom.as_bytes()).unwrap();
    assert_eq!(msg.subject(), Some("موجز الصباح"));
    assert_eq!(msg.date().unwrap().to_rfc3339(), "2023-11-14T22:13:20Z");
}

#[test]
fn email_envelope_errors_are_usage_errors() {
    for (extra, why) in [
        (vec![], "--from"),
        (vec!["--from", "a@b.org"], "--to"),
        (
            vec!["--from", "not an address", "--to", "c@d.org"],
            "not an email address",
        ),
        (
            vec!["--from", "a@b.org", "--to", "c@d.org", "--date", "tomorrow"],
            "--date",
        ),
        // Regression: an impossible day was once read as a valid neighbour (March 3rd).
        (
            vec![
                "--from",
                "a@b.org",
                "--to",
                "c@d.org",
                "--date",
                "2015-02-31",
            ],
            "2015-02-31 is not a day of the calendar",
        ),
        (
            vec![
                "--from",
                "a@b.org",
                "--to",
                "c@d.org",
                "--date",
                "2015-02-28 24:30",
            ],
            "not a time of day",
        ),
    ] {
        let mut args = vec!["summarize", EN, "--format", "email"];
        args.extend(extra);
        let (code, out, err) = run(&args, None);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains(why), "{args:?}: {err}");
    }
}

/// Regression: `--date 2015-02-31` was accepted (and ignored) by every format but email.
#[test]
fn an_impossible_date_is_a_usage_error_in_every_format() {
    for cmd in ["summarize", "digest"] {
        for format in ["text", "json", "markdown", "html"] {
            let args = [cmd, EN, "--format", format, "--date", "2015-02-31"];
            let (code, out, err) = run(&args, None);
            assert_eq!(code, 2, "{args:?}: {err}");
            assert!(out.is_empty(), "{args:?}");
            assert!(
                err.contains("2015-02-31 is not a day of the calendar"),
                "{err}"
            );
        }
        let args = [cmd, EN, "--format", "text", "--date", "2015-02-28"];
        assert_eq!(
            run(&args, None).0,
            0,
            "a valid date is accepted where unused"
        );
    }
}

#[test]
fn date_header_keeps_the_given_offset_in_every_form() {
    for (given, header) in [
        (
            "Tue, 1 Dec 2026 10:00:00 +0300",
            "Tue, 1 Dec 2026 10:00:00 +0300",
        ),
        (
            "2026-12-01T10:00:00+03:00",
            "Tue, 1 Dec 2026 10:00:00 +0300",
        ),
        ("2026-12-01 10:00+03:00", "Tue, 1 Dec 2026 10:00:00 +0300"),
        ("2026-12-01 07:00:00", "Tue, 1 Dec 2026 07:00:00 +0000"),
        ("٢٠٢٦-١٢-٠١", "Tue, 1 Dec 2026 00:00:00 +0000"),
        ("1796108400", "Tue, 1 Dec 2026 07:00:00 +0000"),
    ] {
        let out = ok(&[
            "summarize",
            EN,
            "--format",
            "email",
            "--from",
            "a@b.org",
            "--to",
            "c@d.org",
            "--date",
            given,
        ]);
        let date = out.lines().find(|l| l.starts_with("Date: ")).unwrap();
        assert_eq!(date, format!("Date: {header}"), "--date {given}");
    }
}
