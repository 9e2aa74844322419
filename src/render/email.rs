//! Email: a complete RFC 5322 message, `multipart/alternative` with the plain-text rendering
//! and the HTML page, built with `mail-builder` (which encodes UTF-8 headers such as Arabic
//! subjects as RFC 2047 words); each part's transfer encoding is chosen to keep it small (see
//! [`write_message`]).
//!
//! Contract: the same briefing, envelope and date give the same bytes: the `Date` header is the
//! envelope's date in its own offset (the binary takes `--date`, else `SOURCE_DATE_EPOCH`,
//! else the clock), and the `Message-ID` and MIME boundary are an XXH3 hash of the content,
//! not of the clock.

use std::io::{self, Write};

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;
use twox_hash::XxHash3_64;

use crate::text::date::Moment;

/// Who a message is from and to, its subject and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// `From`: `Name <address>` or `address`.
    pub from: String,
    /// `To`, one or more, in the same forms.
    pub to: Vec<String>,
    /// `Subject`; `None`: built from the content (see [`default_subject`]).
    pub subject: Option<String>,
    /// `Date`: the instant and the offset it is written in.
    pub date: Moment,
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

/// The longest line a message may carry (RFC 5322 section 2.1.1), without its CRLF.
pub const MAX_LINE_BYTES: usize = 998;

/// Writes the message: `text` and `html` as the two alternatives.
///
/// Each part is sent `8bit` when it has non-ASCII text and no line over [`MAX_LINE_BYTES`]
/// (Arabic stays one byte per byte of UTF-8, where quoted-printable triples it and base64 adds
/// a third), `7bit` when it is ASCII, else as `mail-builder` chooses (the shorter of
/// quoted-printable and base64). Line ends are CRLF. The `Message-ID` and the MIME boundary
/// are the XXH3-64 of the envelope, the subject and both parts, so they are the same bytes
/// for the same input on any machine and Rust release.
pub fn write_message(
    envelope: &Envelope,
    subject: &str,
    text: String,
    html: String,
    out: &mut dyn Write,
) -> io::Result<()> {
    let key = format!(
        "{:016x}",
        message_hash(envelope, subject, &[text.as_str(), html.as_str()])
    );
    let body = MimePart::new(
        ContentType::new("multipart/alternative")
            .attribute("boundary", format!("=_briefing_{key}")),
        vec![part("text/plain", text), part("text/html", html)],
    );
    let to: Vec<Address> = envelope.to.iter().map(|t| address(t)).collect();
    let message = MessageBuilder::new()
        .from(address(&envelope.from))
        .to(Address::new_list(to))
        .subject(subject.to_string())
        .header("Date", Raw::new(envelope.date.rfc2822()))
        .message_id(format!("{key}.briefing@{}", domain_of(&envelope.from)))
        .body(body);
    let bytes = message.write_to_vec()?;
    out.write_all(&bytes)?;
    out.flush()
}

/// A UTF-8 text part, `8bit` when that is valid for it (see [`write_message`]).
fn part(content_type: &'static str, body: String) -> MimePart<'static> {
    let ct = ContentType::new(content_type).attribute("charset", "utf-8");
    if body.is_ascii() || !eight_bit_ok(&body) {
        return MimePart::new(ct, body);
    }
    let mut crlf = String::with_capacity(body.len() + body.len() / 40);
    for line in body.split_inclusive('\n') {
        match line.strip_suffix('\n') {
            Some(l) => {
                crlf.push_str(l);
                crlf.push_str("\r\n");
            }
            None => crlf.push_str(line),
        }
    }
    MimePart::new(ct, crlf).transfer_encoding("8bit")
}

/// True when a body can go as `8bit`: no NUL, no bare CR, no line over [`MAX_LINE_BYTES`].
fn eight_bit_ok(body: &str) -> bool {
    !body.contains(['\0', '\r']) && body.split('\n').all(|l| l.len() <= MAX_LINE_BYTES)
}

/// XXH3-64 (seed 0) over the envelope, the subject and the parts, each field length-prefixed.
fn message_hash(envelope: &Envelope, subject: &str, parts: &[&str]) -> u64 {
    let mut all: Vec<u8> = Vec::new();
    let mut field = |bytes: &[u8]| {
        all.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        all.extend_from_slice(bytes);
    };
    field(subject.as_bytes());
    field(envelope.from.as_bytes());
    for t in &envelope.to {
        field(t.as_bytes());
    }
    field(&envelope.date.seconds.to_le_bytes());
    field(&envelope.date.offset.to_le_bytes());
    for p in parts {
        field(p.as_bytes());
    }
    XxHash3_64::oneshot_with_seed(0, &all)
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
