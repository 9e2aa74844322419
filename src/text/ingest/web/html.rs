//! HTML pages: the article's main text, and whether the page holds an article at all.
//!
//! Contract: [`extract`] returns the main text (from `rs-trafilatura`, paragraphs separated by
//! blank lines, whitespace inside a paragraph collapsed) and the metadata of
//! [`super::meta::page_meta`].
//! A page without an article is refused with a [`Reason`]: a site's front page (root canonical
//! URL, no article markup, teaser-length paragraphs), a login or subscription wall (little text
//! and a password field or `isAccessibleForFree: false`), or a page whose main text has fewer
//! than [`MIN_WORDS`] words (and [`MIN_CHARS`] characters).
//! [`fragment_text`] turns an HTML fragment (a feed item's content) into paragraphs the same way
//! a page's text is laid out. Nothing here panics on malformed markup; a panic inside the
//! extraction crate is caught and becomes [`Reason::Failed`].

use dom_query::Document;

use super::meta::page_meta;
use super::{Reason, WebArticle};

/// A page whose main text has fewer words than this has no article.
pub const MIN_WORDS: usize = 8;
/// ... unless it has this many characters (scripts written without spaces).
pub const MIN_CHARS: usize = 60;
/// A front page's paragraphs (teasers) have fewer words than this on average.
pub const TEASER_WORDS: usize = 20;
/// A subscription wall keeps at most this many words of teaser (a page with only a login form,
/// a third of it).
pub const WALL_WORDS: usize = 120;

/// Paragraphs of a text: lines trimmed, whitespace collapsed, one blank line between.
pub fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let p: Vec<&str> = line.split_whitespace().collect();
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&p.join(" "));
    }
    out
}

/// Text of an HTML fragment (a feed item's content): scripts, styles, images and captions
/// dropped, block elements separated by blank lines.
pub fn fragment_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select("script, style, noscript, template, iframe, svg, img, figcaption, object, video, audio, form").remove();
    paragraphs(&doc.select("body").formatted_text())
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Elements nested deeper than this are refused: the extraction crates walk the tree
/// recursively, and a hostile page of 20,000 nested `<div>`s overflows the stack.
pub const MAX_DEPTH: usize = 512;

const VOID_OR_OPTIONAL_END: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "rtc", "caption", "!doctype",
];

/// How deeply the page's elements nest (a cheap estimate from its tags, stopping once past
/// `limit`): elements whose end tag may be left out and void elements are not counted, nor
/// are comments and the contents of `<script>`, `<style>`, `<textarea>` and `<title>`.
pub fn nesting_depth(html: &str, limit: usize) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let close = b.get(i) == Some(&b'/');
        let start = i + usize::from(close);
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!')
            .count();
        if len == 0 {
            continue;
        }
        let name = html[start..start + len].to_ascii_lowercase();
        let end = b[start..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |e| start + e);
        let self_closing = end > 0 && b.get(end - 1) == Some(&b'/');
        i = end.min(b.len());
        if VOID_OR_OPTIONAL_END.contains(&name.as_str()) || self_closing {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
            continue;
        }
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // To the matching end tag, any case, without copying the page.
            let mut j = i;
            i = b.len();
            while let Some(e) = html[j..].find("</") {
                let at = j + e + 2;
                if b.len() >= at + len && b[at..at + len].eq_ignore_ascii_case(name.as_bytes()) {
                    i = at;
                    break;
                }
                j = at;
            }
            continue;
        }
        depth += 1;
        max = max.max(depth);
        if max > limit {
            break;
        }
    }
    max
}

/// Extracts the article of a decoded page (see the module docs).
pub fn extract(html: &str) -> Result<WebArticle, Reason> {
    if nesting_depth(html, MAX_DEPTH) > MAX_DEPTH {
        return Err(Reason::TooDeep);
    }
    let doc = Document::from(html);
    let meta = page_meta(&doc);
    drop(doc);
    let options = rs_trafilatura::Options {
        url: meta.url.clone(),
        ..rs_trafilatura::Options::default()
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        rs_trafilatura::extract_with_options(html, &options)
    }));
    let text = match result {
        Ok(Ok(r)) => paragraphs(&r.content_text),
        Ok(Err(_)) => String::new(),
        Err(_) => return Err(Reason::Failed),
    };
    let n = words(&text);
    let paras = text.split("\n\n").count().max(1);
    // A front's text is teasers: short paragraphs. An article whose canonical URL is wrongly
    // the root still has an article's paragraphs.
    if meta.is_front && !meta.is_article && n < TEASER_WORDS * paras {
        return Err(Reason::FrontPage);
    }
    let wall_words = if meta.not_free {
        WALL_WORDS
    } else {
        WALL_WORDS / 3
    };
    if (meta.not_free || meta.password) && n <= wall_words {
        return Err(Reason::LoginWall);
    }
    // Scripts written without spaces (Chinese, Japanese, Thai) count by characters.
    if n < MIN_WORDS && text.chars().count() < MIN_CHARS {
        return Err(Reason::NoText);
    }
    Ok(WebArticle {
        title: meta.title,
        text,
        date: meta.date,
        unread_date: meta.unread_date,
        url: meta.url,
        site: meta.site,
        lang: meta.lang,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_and_hostile_markup_never_panics() {
        for html in [
            "",
            "<",
            "<html",
            "<<<>>>",
            "<script>",
            "<p><b><i></p></b>",
            "<!--",
            "<![CDATA[",
            "<script type=\"application/ld+json\">{\"@graph\": [[[[]]]]</script>",
            "<meta content>",
            "<time datetime>",
            "&#xffffffff; &#0; &bogus;",
        ] {
            let _ = extract(html);
            let _ = fragment_text(html);
        }
        assert_eq!(
            nesting_depth(
                "<html><body><div><p>a<p>b<br><img src=x/></div><script>'<div><div>'</script></body></html>",
                99
            ),
            3
        );
        assert_eq!(nesting_depth("<!-- <div><div> --><div></div>", 99), 1);
        let ok = "<div>".repeat(MAX_DEPTH - 10)
            + "Some words of text in a deeply nested page here."
            + &"</div>".repeat(MAX_DEPTH - 10);
        let _ = extract(&ok);
        let deep = "<div>".repeat(20_000)
            + "Deep text here with words enough to count as something."
            + &"</div>".repeat(20_000);
        assert_eq!(extract(&deep), Err(Reason::TooDeep));
    }

    #[test]
    fn fragments_keep_paragraphs() {
        let t = fragment_text(
            "<p>One <b>bold</b> line.</p><p>Two.</p><img src=x><div class=x>Three<br>four</div><script>x()</script>",
        );
        assert_eq!(t, "One bold line.\n\nTwo.\n\nThree\n\nfour");
        assert_eq!(fragment_text("plain &amp; simple"), "plain & simple");
    }
}
