//! Email: a complete RFC 5322 message, `multipart/alternative` with the plain-text rendering
//! and the HTML page, built with `mail-builder` (which encodes UTF-8 headers such as Arabic
//! subjects as RFC 2047 words and picks each part's transfer encoding).
//!
//! Contract: the same briefing, envelope and date give the same bytes: the `Date` header is the
//! envelope's date (the binary takes `--date`, else `SOURCE_DATE_EPOCH`, else the clock), and
//! the `Message-ID` and MIME boundary are derived from the content, not from the clock.

use std::hash::{Hash, Hasher};
use std::io::{self, Write};

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::mime::MimePart;

/// Who a message is from and to, its subject and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// `From`: `Name <address>` or `address`.
    pub from: String,
    /// `To`, one or more, in the same forms.
    pub to: Vec<String>,
    /// `Subject`; `None`: built from the content (see [`default_subject`]).
    pub subject: Option<String>,
    /// `Date`, seconds since 1970-01-01 UTC.
    pub date: i64,
}

/// `Name <address>` or `address` -> (name, address).
fn address(spec: &str) -> Address<'static> {
    let spec = spec.trim();
    match (spec.rfind('<'), spec.ends_with('>')) {
        (Some(i), true) => {
            let name = spec[..i].trim().trim_matches('"').to_string();
            let addr = spec[i + 1..spec.len() - 1].trim().to_string();
            if name.is_empty() {
                Address::new_address(None::<String>, addr)
            } else {
                Address::new_address(Some(name), addr)
            }
        }
        _ => Address::new_address(None::<String>, spec.to_string()),
    }
}

/// Checks an address as given to `--from`/`--to`: one `@`, no spaces or angle brackets in
/// the address itself.
pub fn valid_address(spec: &str) -> bool {
    let spec = spec.trim();
    let addr = match (spec.rfind('<'), spec.ends_with('>')) {
        (Some(i), true) => &spec[i + 1..spec.len() - 1],
        _ => spec,
    };
    let mut parts = addr.split('@');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some(l), Some(d), None) if !l.is_empty() && d.contains('.')
            && !addr.contains(|c: char| c.is_whitespace() || c == '<' || c == '>')
    )
}

/// The subject when none is given: `<label> <date>: <headline>`, at most 120 characters.
pub fn default_subject(label: &str, date: Option<&str>, headline: Option<&str>) -> String {
    let mut s = label.to_string();
    if let Some(d) = date {
        s.push(' ');
        s.push_str(d);
    }
    if let Some(h) = headline {
        s.push_str(": ");
        s.push_str(h);
    }
    if s.chars().count() > 120 {
        s = s.chars().take(119).collect::<String>() + "…";
    }
    s
}

/// Writes the message: `text` and `html` as the two alternatives.
pub fn write_message(
    envelope: &Envelope,
    subject: &str,
    text: String,
    html: String,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        subject,
        &envelope.from,
        &envelope.to,
        envelope.date,
        &text,
        &html,
    )
        .hash(&mut h);
    let key = format!("{:016x}", h.finish());
    let body = MimePart::new(
        ContentType::new("multipart/alternative")
            .attribute("boundary", format!("=_briefing_{key}")),
        vec![
            MimePart::new("text/plain", text),
            MimePart::new("text/html", html),
        ],
    );
    let to: Vec<Address> = envelope.to.iter().map(|t| address(t)).collect();
    let message = MessageBuilder::new()
        .from(address(&envelope.from))
        .to(Address::new_list(to))
        .subject(subject.to_string())
        .date(envelope.date)
        .message_id(format!("{key}.briefing@{}", domain_of(&envelope.from)))
        .body(body);
    let bytes = message.write_to_vec()?;
    out.write_all(&bytes)?;
    out.flush()
}

fn domain_of(from: &str) -> String {
    from.trim()
        .trim_end_matches('>')
        .rsplit('@')
        .next()
        .filter(|d| !d.is_empty())
        .unwrap_or("localhost")
        .to_string()
}
