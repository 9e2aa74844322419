//! What a file is (an HTML page, a feed, or neither) and how its bytes become text.
//!
//! Contract: [`sniff`] looks at the first bytes of a file, never only at its name: a page
//! saved as `.txt` is a page, a feed saved as `.xml` or without extension is a feed, a JSON
//! Feed is told from JSON records by its `version` URL. [`decode`] follows the HTML rules in
//! order: a byte-order mark, then a `<meta charset>` or `http-equiv` declaration (or the XML
//! declaration) in the first 4 KiB, then UTF-8 when the bytes are valid UTF-8, else
//! windows-1256 when most non-ASCII bytes read as Arabic letters there, else windows-1252.
//! [`gunzip`] inflates a gzip file (a page saved compressed) up to a limit.

use std::io::Read;
use std::sync::LazyLock;

use encoding_rs::Encoding;
use regex::bytes::Regex;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An HTML (or XHTML) page.
    Page,
    /// An RSS, RSS 1.0 (RDF), Atom or JSON feed.
    Feed,
}

/// How many bytes are looked at to tell what a file is and which charset it declares.
pub const HEAD: usize = 4096;

/// The first [`HEAD`] bytes as text, lower-cased, for sniffing (UTF-16 decoded).
fn head_text(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(HEAD)];
    let text = match Encoding::for_bom(head) {
        Some((enc, n)) if enc != encoding_rs::UTF_8 => {
            enc.decode_without_bom_handling(&head[n..]).0
        }
        _ => String::from_utf8_lossy(head),
    };
    text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .to_lowercase()
}

/// Skips `<?xml ...?>`, `<!-- -->`, `<!doctype>` and processing instructions at the start.
fn first_element(head: &str) -> &str {
    let mut s = head;
    loop {
        s = s.trim_start();
        let end = if s.starts_with("<!--") {
            s.find("-->").map(|i| i + 3)
        } else if s.starts_with("<?") || s.starts_with("<!") {
            s.find('>').map(|i| i + 1)
        } else {
            return s;
        };
        match end {
            Some(i) => s = &s[i..],
            None => return s,
        }
    }
}

/// What the bytes are, or `None` for anything else (plain text, Markdown, JSON records).
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    let head = head_text(bytes);
    if head.starts_with('{') {
        return head.contains("jsonfeed.org/version").then_some(Kind::Feed);
    }
    if !head.starts_with('<') {
        return None;
    }
    let doctype_html = head.starts_with("<!doctype html");
    let el = first_element(&head);
    if el.starts_with("<rss")
        || el.starts_with("<feed")
        || el.starts_with("<rdf:rdf")
        || el.starts_with("<rdf")
    {
        return Some(Kind::Feed);
    }
    if doctype_html || el.starts_with("<html") || el.starts_with("<head") || el.starts_with("<body")
    {
        return Some(Kind::Page);
    }
    // A page whose start was lost or a fragment saved as a file: structure tags early on.
    (el.starts_with('<') && looks_like_html(&head)).then_some(Kind::Page)
}

static TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)</(?:html|body|p|div|article|section|span|h[1-6]|li|ul|table|td|a|strong|em|b|font)\s*>|<br\s*/?>")
        .expect("constant pattern")
});

/// True when a text (a record's field) is HTML rather than plain text: it starts with a tag
/// and closes structure tags.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    t.starts_with('<') && TAG.find_iter(&t[..t.len().min(64 << 10)]).take(2).count() >= 1
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("constant pattern")
});

static XML_ENCODING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([a-z0-9_:.\-]+)["']"#)
        .expect("constant pattern")
});

/// The encoding a page declares in its first bytes, if any.
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(HEAD)];
    let label = META_CHARSET
        .captures(head)
        .or_else(|| XML_ENCODING.captures(head))
        .and_then(|c| c.get(1))?;
    let enc = Encoding::for_label(label.as_bytes())?;
    // A page that says UTF-16 without a BOM is ASCII-compatible (HTML rule): read UTF-8.
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(encoding_rs::UTF_8);
    }
    Some(enc)
}

/// Decodes a page or feed to text (see the module docs for the order of the rules). Bytes
/// that are invalid in the chosen encoding become U+FFFD.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, n)) = Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[n..]).0.into_owned();
    }
    if let Some(enc) = declared(bytes) {
        return enc.decode_without_bom_handling(bytes).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_owned();
    }
    let (arabic, high) = bytes.iter().filter(|&&b| b >= 0x80).fold((0usize, 0usize), |(a, h), &b| {
        // windows-1256 Arabic letters: C1-D6, D8-DB, DD-DF, E1, E3-E6, EC-ED, F0-F3, F5-F6, F8, FA.
        let is_letter = matches!(b, 0xC1..=0xD6 | 0xD8..=0xDB | 0xDD..=0xDF | 0xE1 | 0xE3..=0xE6 | 0xEC | 0xED | 0xF0..=0xF3 | 0xF5 | 0xF6 | 0xF8 | 0xFA);
        (a + usize::from(is_letter), h + 1)
    });
    let enc = if arabic * 10 >= high * 7 && high > 8 {
        encoding_rs::WINDOWS_1256
    } else {
        encoding_rs::WINDOWS_1252
    };
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// True for the first bytes of a gzip stream.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Inflates gzip bytes, keeping at most `limit` bytes of output; says whether it was cut. A
/// stream that breaks off (a file cut while saved) keeps what it inflated to there, as cut.
pub fn gunzip(bytes: &[u8], limit: u64) -> Result<(Vec<u8>, bool), String> {
    let mut out = Vec::new();
    let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(limit.saturating_add(1));
    let mut broken = false;
    let mut chunk = [0u8; 16 << 10];
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) if out.is_empty() => return Err(format!("not a readable gzip file: {e}")),
            Err(_) => {
                broken = true;
                break;
            }
        }
    }
    let cut = broken || out.len() as u64 > limit;
    out.truncate(usize::try_from(limit).unwrap_or(usize::MAX).min(out.len()));
    Ok((out, cut))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_feeds_by_content() {
        assert_eq!(sniff(b"<!DOCTYPE html><html><p>x</p>"), Some(Kind::Page));
        assert_eq!(sniff(b"\xEF\xBB\xBF  <html lang=ar>"), Some(Kind::Page));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">"),
            Some(Kind::Feed)
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some(Kind::Feed)
        );
        assert_eq!(sniff(b"<rdf:RDF xmlns:rdf=\"x\">"), Some(Kind::Feed));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><!DOCTYPE html><html xmlns=\"x\">"),
            Some(Kind::Page)
        );
        assert_eq!(
            sniff(br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#),
            Some(Kind::Feed)
        );
        assert_eq!(sniff(br#"{"text": "a <p> b"}"#), None);
        assert_eq!(
            sniff(b"Storm closes bridge\n\nA storm <b>closed</b> it."),
            None
        );
        assert_eq!(sniff(b"<div class=a><p>Body.</p></div>"), Some(Kind::Page));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<html><body>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(sniff(&utf16), Some(Kind::Page));
    }

    #[test]
    fn html_in_a_field() {
        assert!(looks_like_html("<p>One.</p><p>Two.</p>"));
        assert!(looks_like_html("  <div dir='rtl'>نص<br>"));
        assert!(!looks_like_html("1 < 2 and 3 > 2."));
        assert!(!looks_like_html("<<no tags here>>"));
    }

    #[test]
    fn charsets() {
        assert_eq!(
            decode(b"<meta charset=\"windows-1256\"><p>\xC7\xE1\xDA\xD1\xC8\xED\xC9</p>"),
            "<meta charset=\"windows-1256\"><p>العربية</p>"
        );
        assert_eq!(
            decode(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-6\"><p>\xC7\xE4\xD9\xD1\xC8\xEA\xC9</p>"),
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-6\"><p>العربية</p>"
        );
        assert!(
            decode(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Caf\xE9</t>")
                .ends_with("Café</t>")
        );
        // A BOM wins over a declaration; a UTF-16 declaration without BOM reads as UTF-8.
        assert_eq!(
            decode(b"\xEF\xBB\xBF<meta charset=windows-1252>\xC3\xA9"),
            "<meta charset=windows-1252>é"
        );
        assert_eq!(
            decode(b"<meta charset=utf-16><p>\xC3\xA9</p>"),
            "<meta charset=utf-16><p>é</p>"
        );
        // Undeclared legacy bytes: Arabic letters read as windows-1256, others as windows-1252.
        assert!(
            decode(b"<p>\xC7\xE1\xDA\xD1\xC8\xED\xC9 \xC7\xE1\xDA\xD1\xC8\xED\xC9</p>")
                .contains("العربية العربية")
        );
        assert_eq!(decode(b"<p>caf\xE9</p>"), "<p>café</p>");
    }

    #[test]
    fn gzip_is_bounded() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&vec![b'a'; 100_000]).unwrap();
        let gz = enc.finish().unwrap();
        assert!(is_gzip(&gz));
        let (out, cut) = gunzip(&gz, 1000).unwrap();
        assert_eq!((out.len(), cut), (1000, true));
        let (out, cut) = gunzip(&gz, 1 << 20).unwrap();
        assert_eq!((out.len(), cut), (100_000, false));
        assert!(gunzip(&gz[..10], 100).is_err() || gunzip(&gz[..10], 100).unwrap().0.is_empty());
        // A stream cut short keeps what it gave.
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::none());
        enc.write_all(&vec![b'b'; 100_000]).unwrap();
        let gz = enc.finish().unwrap();
        let (out, cut) = gunzip(&gz[..50_000], 1 << 20).unwrap();
        assert!(cut && out.len() > 40_000 && out.iter().all(|&b| b == b'b'));
    }
}
