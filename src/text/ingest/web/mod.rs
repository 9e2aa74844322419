//! Web inputs: saved HTML pages and RSS/Atom/JSON feeds, read as articles.
//!
//! Contract: [`extract_page`] turns the bytes of a saved page into one [`WebArticle`] (main
//! text with paragraph breaks, title, publication date, canonical URL, site name, language
//! hint; see [`html`]) or says why it holds no article ([`Reason`]); [`read_feed`] turns a feed
//! into one [`WebArticle`] per item ([`feed`]). [`sniff()`] tells pages and feeds from other files
//! by their content. The text is the extractor's; cleaning (furniture, datelines), splitting and
//! dedup happen downstream as for any article. [`url_key`] is how a feed item is matched with a
//! page of the same story: an item whose link is the canonical URL of a page (or of any other
//! article in the input) is that article, not a second one. Nothing here touches the network.

pub mod feed;
pub mod html;
pub mod input;
pub mod meta;
pub mod sniff;

use crate::config::Language;
use crate::error::SkipKind;

pub use feed::Feed;
pub use sniff::Kind;

/// One article read from the web.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WebArticle {
    /// The headline.
    pub title: Option<String>,
    /// The main text, paragraphs separated by blank lines.
    pub text: String,
    /// Publication date, ISO 8601 (see [`crate::text::date::normalize`]).
    pub date: Option<String>,
    /// A date the input wrote that could not be read (when no other gave one): reported.
    pub unread_date: Option<String>,
    /// The canonical URL (a feed item's link).
    pub url: Option<String>,
    /// The site's name (a feed item's feed title).
    pub site: Option<String>,
    /// The language the page declares (`lang`, or `ar` for a right-to-left page).
    pub lang: Option<String>,
}

/// Why a page or feed gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A site's or section's front page: links to articles, no article.
    FrontPage,
    /// A login or subscription wall in place of the article.
    LoginWall,
    /// No main text found (or too little to be an article).
    NoText,
    /// The feed could not be parsed.
    BadFeed(String),
    /// The extractor failed on this page.
    Failed,
    /// Elements nested deeper than [`html::MAX_DEPTH`]: a hostile page, not read.
    TooDeep,
}

impl Reason {
    /// The kind of skipped input this reason makes.
    pub fn kind(&self) -> SkipKind {
        match self {
            Reason::FrontPage | Reason::LoginWall | Reason::NoText => SkipKind::NoArticle,
            Reason::BadFeed(_) | Reason::Failed | Reason::TooDeep => SkipKind::Malformed,
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::FrontPage => write!(f, "front page: links to articles, no article text"),
            Reason::LoginWall => {
                write!(f, "login wall: the article needs a sign-in or subscription")
            }
            Reason::NoText => write!(f, "no article text in the page"),
            Reason::BadFeed(e) => write!(f, "malformed feed: {e}"),
            Reason::Failed => write!(f, "the page could not be read (extraction failed)"),
            Reason::TooDeep => write!(
                f,
                "elements nested more than {} deep: not read",
                html::MAX_DEPTH
            ),
        }
    }
}

/// The language of an article: the detected one, unless detection found neither Arabic nor
/// English and the page declares one of them (`lang="ar"`, `en-GB`, ...).
pub fn language_hint(detected: Language, declared: Option<&str>) -> Language {
    let declared = declared.map(|l| l.trim().to_ascii_lowercase());
    match (detected, declared.as_deref()) {
        (Language::Other, Some(l)) if l == "ar" || l.starts_with("ar-") || l.starts_with("ar_") => {
            Language::Arabic
        }
        (Language::Other, Some(l)) if l == "en" || l.starts_with("en-") || l.starts_with("en_") => {
            Language::English
        }
        _ => detected,
    }
}

/// What the bytes of a file are: a page, a feed, or neither (`None`).
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    sniff::sniff(bytes)
}

/// Extracts the article of a saved page (bytes in any charset; see [`sniff::decode`]).
pub fn extract_page(bytes: &[u8]) -> Result<WebArticle, Reason> {
    html::extract(&sniff::decode(bytes))
}

/// Reads a feed: one article per item.
pub fn read_feed(bytes: &[u8]) -> Result<Feed, Reason> {
    feed::read(bytes)
}

/// The key two links to one article share: scheme, `www.`, fragment, trailing slash, case of
/// the host and tracking parameters (`utm_*`, `at_*`, `fbclid`, `gclid`, `ref`, `rss`) dropped.
pub fn url_key(url: &str) -> String {
    let decoded = percent_decode(url.trim());
    let url = decoded.as_str();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or(rest);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = path.split_once('/').unwrap_or((path, ""));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let k = p.split('=').next().unwrap_or("").to_lowercase();
            !(k.is_empty()
                || k.starts_with("utm_")
                || k.starts_with("at_")
                || matches!(
                    k.as_str(),
                    "fbclid" | "gclid" | "ref" | "rss" | "cmpid" | "ocid" | "src"
                ))
        })
        .collect();
    let mut key = format!("{host}/{}", path.trim_end_matches('/'));
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.join("&"));
    }
    key
}

/// `%D8%A7` and the like decoded (as UTF-8, invalid sequences kept as they are).
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoded_links_match_raw_ones() {
        assert_eq!(
            url_key("https://x.example/news/%D8%AC%D8%AF%D8%A9"),
            url_key("https://x.example/news/جدة")
        );
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn links_to_one_article_share_a_key() {
        let k = url_key("https://northernwire.example/world/2024/03/05/storm/");
        assert_eq!(
            url_key(
                "http://www.NorthernWire.example/world/2024/03/05/storm?utm_source=rss&utm_medium=feed"
            ),
            k
        );
        assert_eq!(
            url_key("https://northernwire.example/world/2024/03/05/storm#comments"),
            k
        );
        assert_ne!(
            url_key("https://northernwire.example/world/2024/03/05/storm?id=2"),
            k
        );
        assert_ne!(url_key("https://other.example/world/2024/03/05/storm"), k);
    }
}
