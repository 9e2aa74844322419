//! SGML news: the `<DOC>` files of TREC, DUC, TDT and Gigaword, read as the articles they hold.
//!
//! Contract: [`is_news`] tells such a file by its first element (`<DOC>` or `<DOC id=...>`,
//! after blank space); [`articles`] gives every `<DOC>` element of it, in file order, as an
//! article: its id (`DOCNO`, else the `id` attribute, else the file's name), its headline
//! (`HEADLINE`, else `HL`, tags and blank space collapsed), its date (the one written in the
//! id, `APW20240305.0151`, `AFP_ENG_20240512.0004`: the ids of these collections carry the day,
//! while their `DATE_TIME` lines are month-first and local) and its text: every `TEXT`
//! element (without one, every `BODY`), paragraph tags (`<P>`, `</P>`) read as line breaks, other tags dropped, the five
//! XML entities unescaped. The wire's typesetting codes (`&QL;`, `&UR;`, `&AMP;`) are left to
//! the cleaner, which reads them ([`crate::text::typesetting`]). Work is linear in the file:
//! each element is found by one forward search from where the last one ended.
//!
//! Read as plain text, such a file gave its metadata lines (the document type, region and language codes)
//! as sentences, and its hard-wrapped wire lines, mixed with those short lines, were not seen as
//! wire copy, so every line of the text became a sentence of its own.

use std::sync::LazyLock;

use regex::Regex;

use super::{Ingested, date_in_name, decode};
use crate::corpus::{Meta, RawDocument};
use crate::error::{SkipKind, Skipped};

static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][^>]*>").expect("constant pattern"));
static DOC_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^<DOC\s[^>]*?\bid\s*=\s*["']?([^"'\s>]+)"#).expect("constant pattern")
});

/// True when a text is SGML news: its first element is a `<DOC>`.
pub fn is_news(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let head = t.get(..5).unwrap_or("");
    head.eq_ignore_ascii_case("<DOC>") || head.eq_ignore_ascii_case("<DOC ")
}

/// True when a file's text starts as SGML news (see [`is_news`]): what its first bytes say.
pub fn bytes_are_news(bytes: &[u8]) -> bool {
    is_news(&String::from_utf8_lossy(&bytes[..bytes.len().min(HEAD)]))
}

/// True when the file at `path` starts as SGML news (its first bytes read; `false` when it
/// cannot be read, which reading it whole then reports).
pub fn file_is_news(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(HEAD);
    std::fs::File::open(path)
        .and_then(|f| f.take(HEAD as u64).read_to_end(&mut head))
        .is_ok()
        && bytes_are_news(&head)
}

/// The bytes [`bytes_are_news`] looks at: room for a byte-order mark and blank lines before
/// `<DOC>`.
const HEAD: usize = 64;

/// The content of the first `<name>` element of `doc` (tags inside kept), if any: `<name>`
/// may carry attributes or inner spaces (`<DOCNO >`); an element left open (a file cut at the
/// document limit) runs to the end.
fn element<'a>(doc: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = find_ci(&doc[from..], &format!("<{name}")) {
        let start = from + at;
        let after = &doc[start + 1 + name.len()..];
        // `<TEXT>` or `<TEXT ...>`, not `<TEXTS>`.
        if after.starts_with(['>', ' ', '\t', '\n', '\r']) {
            let open_end = start + 1 + name.len() + after.find('>')? + 1;
            let close =
                find_ci(&doc[open_end..], &format!("</{name}")).unwrap_or(doc.len() - open_end);
            return Some(&doc[open_end..open_end + close]);
        }
        from = start + 1;
    }
    None
}

/// Every `<name>` element's content, in order.
fn elements<'a>(doc: &'a str, name: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(content) = element(rest, name) {
        out.push(content);
        // Go on after this element's closing tag.
        let end = content.as_ptr() as usize - rest.as_ptr() as usize + content.len();
        rest = &rest[end..];
    }
    out
}

/// ASCII case-insensitive search (tags are ASCII).
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Replaces the five XML entities (DUC and TREC use no others outside the wire's codes).
fn unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
}

/// One `<DOC>` element as an article (see the module docs); `fallback` names it when it carries
/// no id. `path` is where it was read from (`None`: its id stands for it).
pub fn article(doc: &str, fallback: &str, path: Option<&str>) -> RawDocument {
    let id = element(doc, "DOCNO")
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_owned)
        .or_else(|| DOC_ID.captures(doc.trim_start()).map(|c| c[1].to_owned()))
        .unwrap_or_else(|| fallback.to_owned());
    let mut text = String::new();
    let mut bodies = elements(doc, "TEXT");
    if bodies.is_empty() {
        // Some collections put the text in a `BODY` of its own, without `TEXT`.
        bodies = elements(doc, "BODY");
    }
    for body in bodies {
        let body = body.replace("<P>", "\n").replace("</P>", "\n");
        let body = body.replace("<p>", "\n").replace("</p>", "\n");
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&unescape(&TAG.replace_all(&body, " ")));
    }
    let title = element(doc, "HEADLINE")
        .or_else(|| element(doc, "HL"))
        .map(|h| {
            unescape(&TAG.replace_all(h, " "))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty());
    let mut meta = Meta {
        date: date_in_name(&id),
        title,
        ..Meta::new(id)
    };
    if let Some(path) = path {
        meta.path = path.to_owned();
    }
    RawDocument { meta, text }
}

/// Every `<DOC>` element of a file, in order, as articles (see the module docs); `name` is the
/// file's name (the id of a document without one: `name`, `name~2`, ... once made unique).
pub fn articles(text: &str, name: &str, path: &str) -> Vec<RawDocument> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = find_ci(rest, "<DOC") {
        let after = &rest[at + 4..];
        if !after.starts_with(['>', ' ', '\t', '\n', '\r']) {
            // `<DOCNO>` or another element: not a document's start.
            rest = &rest[at + 4..];
            continue;
        }
        let end = find_ci(after, "</DOC>").map_or(rest.len(), |e| at + 4 + e + "</DOC>".len());
        out.push(article(&rest[at..end], name, Some(path)));
        rest = &rest[end..];
    }
    out
}

/// The articles of an SGML news file: TREC, DUC and TDT files are Latin-1 when
/// they are not UTF-8. A `<DOC>` with no text is a [`Skipped`] entry, the others still read.
pub(super) fn add(out: &mut Ingested, path: &str, name: &str, bytes: &[u8]) {
    let text = decode(bytes).unwrap_or_else(|_| bytes.iter().map(|&b| char::from(b)).collect());
    let docs = articles(&text, name, path);
    if docs.is_empty() {
        out.skipped.push(Skipped::new(
            SkipKind::Empty,
            path,
            "SGML news without a <DOC> element",
        ));
        return;
    }
    for doc in docs {
        if doc.text.trim().is_empty() {
            out.skipped.push(Skipped::new(
                SkipKind::Empty,
                path,
                format!("document {} has no <TEXT>", doc.meta.id),
            ));
        } else {
            out.documents.push(doc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duc_article_is_its_text_headline_and_id() {
        // (tags written with inner spaces, which the reader tolerates)
        let raw = "<DOC>\n<DOCNO > APW20240305.0151 </DOCNO >\n<HEADLINE> Storm &amp; bridge </HEADLINE>\n<TEXT>\n<P>\nOne sentence.\n</P>\n<P>\nTwo &amp; three.\n</P>\n</TEXT>\n</DOC>\n";
        assert!(is_news(raw));
        let docs = articles(raw, "x", "p/x");
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.meta.id, "APW20240305.0151");
        assert_eq!(d.meta.path, "p/x");
        assert_eq!(d.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(d.meta.title.as_deref(), Some("Storm & bridge"));
        assert!(d.text.contains("One sentence.") && d.text.contains("Two & three."));
        assert!(!d.text.contains("<P>"));
    }

    #[test]
    fn a_gigaword_file_is_many_articles_and_metadata_is_not_text() {
        let raw = "\u{feff}<DOC id=\"AFP_ENG_20240512.0004\" type=\"story\" >\n<HEADLINE>\nFirst &quot;story&quot;\n</HEADLINE>\n<DATELINE>\nPORTHAVEN, May 12 (AFP)\n</DATELINE>\n<TEXT>\n<P>\nThe first report.\n</P>\n</TEXT>\n</DOC>\n<DOC id=\"AFP_ENG_20240513.0001\" type=\"story\" >\n<TEXT>\n<P>\nThe second report.\n</P>\n</TEXT>\n</DOC>\n<DOC>\n<DOCTYPE> NEWS REPORT </DOCTYPE>\n<HL> A headline &amp; more </HL>\n<TEXT>Third.</TEXT>\n<TEXT>Fourth.</TEXT>\n</DOC>\n";
        assert!(is_news(raw));
        let docs = articles(raw, "afp.txt", "afp.txt");
        let ids: Vec<&str> = docs.iter().map(|d| d.meta.id.as_str()).collect();
        assert_eq!(
            ids,
            ["AFP_ENG_20240512.0004", "AFP_ENG_20240513.0001", "afp.txt"]
        );
        assert_eq!(docs[0].meta.title.as_deref(), Some("First \"story\""));
        assert_eq!(docs[0].meta.date.as_deref(), Some("2024-05-12"));
        assert_eq!(docs[0].text.trim(), "The first report.");
        assert!(!docs[0].text.contains("PARIS")); // the dateline element is not text
        assert_eq!(docs[1].meta.title, None);
        assert_eq!(docs[2].meta.title.as_deref(), Some("A headline & more"));
        assert_eq!(
            docs[2].text.split_whitespace().collect::<Vec<_>>(),
            ["Third.", "Fourth."]
        );
        assert!(!docs.iter().any(|d| d.text.contains("NEWS REPORT")));
    }

    #[test]
    fn only_a_doc_element_first_makes_sgml_news() {
        assert!(is_news("  \n<doc>\n<TEXT>x</TEXT></doc>"));
        assert!(!is_news("<DOCNO>x</DOCNO>"));
        assert!(!is_news("<html><body><p>x</p></body></html>"));
        assert!(!is_news("The <DOC> tag."));
        assert!(articles("no documents here", "n", "n").is_empty());
        // A document left open at the end of the file runs to it.
        let open = articles(
            "<DOC>\n<DOCNO>XIE20240101.0001</DOCNO>\n<TEXT>Cut",
            "n",
            "n",
        );
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].text, "Cut");
        // Without `TEXT`, the `BODY`; without either, no text (the reader skips it).
        let body = articles(
            "<DOC><BODY><P>In the body.</P></BODY></DOC><DOC><DOCNO>A</DOCNO></DOC>",
            "n",
            "n",
        );
        assert_eq!(body[0].text.trim(), "In the body.");
        assert_eq!(body[1].text, "");
    }

    #[test]
    fn an_sgml_document_without_text_is_skipped_and_the_others_read() {
        let raw = b"<DOC>\n<DOCNO> XIE20240101.0001 </DOCNO>\n<TEXT>\nAn article in Latin-1: caf\xe9.\n</TEXT>\n</DOC>\n<DOC>\n<DOCNO> XIE20240101.0002 </DOCNO>\n</DOC>\n";
        let mut out = Ingested::default();
        add(&mut out, "x.sgml", "x", raw);
        assert_eq!(out.documents.len(), 1);
        assert_eq!(out.documents[0].meta.id, "XIE20240101.0001");
        assert!(out.documents[0].text.contains("café"));
        assert_eq!(out.skipped.len(), 1);
        assert!(
            out.skipped[0].reason.contains("XIE20240101.0002"),
            "{:?}",
            out.skipped
        );
    }
}
