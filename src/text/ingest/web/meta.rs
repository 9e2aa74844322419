//! What a saved page says about itself: title, publication date, canonical URL, site name,
//! language, and whether it declares an article, a front page or a paywall.
//!
//! Contract: [`page_meta`] reads, in this order of preference:
//! - title: Open Graph `og:title`, else JSON-LD `headline`, else the first `<h1>`, else
//!   `<title>` without a trailing ` | Site`;
//! - date ([`publication_date`]): JSON-LD `datePublished` of the article object, else the
//!   publication `<meta>` tags, else a `<time>` element, else a date in the URL path; each
//!   read by [`crate::text::date::normalize`], a source whose date cannot be read giving way to
//!   the next (and named in [`PageMeta::unread_date`] when none can be read);
//! - URL: `<link rel=canonical>`, else `og:url`, else the JSON-LD `url` (absolute only);
//! - site: `og:site_name`, else the JSON-LD publisher's `name`, else `application-name`, else
//!   a short tail of `<title>` after a separator;
//! - language hint: `<html lang>` (or `xml:lang`, `Content-Language`, JSON-LD `inLanguage`),
//!   else `ar` for a right-to-left page.

use dom_query::{Document, Selection};
use serde_json::Value;

use crate::text::date;

/// JSON-LD blocks longer than this are not parsed.
const MAX_JSON_LD: usize = 1 << 20;

const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "opinionnewsarticle",
    "analysisnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "scholarlyarticle",
    "techarticle",
    "satiricalarticle",
];

/// Metadata of a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    /// See [`super::WebArticle::title`].
    pub title: Option<String>,
    /// See [`super::WebArticle::date`].
    pub date: Option<String>,
    /// A date the page wrote that could not be read, when no source gave one.
    pub unread_date: Option<String>,
    /// See [`super::WebArticle::url`].
    pub url: Option<String>,
    /// See [`super::WebArticle::site`].
    pub site: Option<String>,
    /// See [`super::WebArticle::lang`].
    pub lang: Option<String>,
    /// The page declares itself an article (JSON-LD article type or `og:type` article).
    pub is_article: bool,
    /// The page is a site's front: its canonical URL is the root, and it declares no article.
    pub is_front: bool,
    /// The page says its content is not free (JSON-LD `isAccessibleForFree: false`).
    pub not_free: bool,
    /// The page has a password field (a login form, often only in the header).
    pub password: bool,
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn meta(doc: &Document, keys: &[&str]) -> Option<String> {
    for key in keys {
        for attr in ["property", "name", "itemprop"] {
            let sel = doc.select(&format!("meta[{attr}=\"{key}\" i]"));
            if let Some(v) = sel.attr("content").and_then(|c| clean(&c)) {
                return Some(v);
            }
        }
    }
    None
}

fn str_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Array(a) => a.iter().find_map(str_of),
        Value::Object(o) => o.get("@id").or_else(|| o.get("url")).and_then(str_of),
        _ => None,
    }
}

fn types_of(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_lowercase)
            .collect(),
        _ => Vec::new(),
    }
}

/// The JSON-LD objects of a page, `@graph` members and arrays flattened, in order.
fn json_ld(doc: &Document) -> Vec<Value> {
    let mut out = Vec::new();
    for script in doc.select("script[type=\"application/ld+json\" i]").iter() {
        let text = script.text();
        if text.len() > MAX_JSON_LD {
            continue;
        }
        let Ok(v) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a.into_iter().rev()),
                Value::Object(mut o) => {
                    if let Some(g) = o.remove("@graph") {
                        stack.push(g);
                    }
                    out.push(Value::Object(o));
                }
                _ => {}
            }
            if out.len() > 64 {
                break;
            }
        }
    }
    out
}

fn absolute(url: Option<String>) -> Option<String> {
    url.filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

/// The `<meta>` tags that carry a publication date, in order of preference.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datePublished",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "date",
];

/// The publication date, in the documented order of sources, and the first date written in
/// one of them that could not be read (when no source gives one).
pub fn publication_date(
    doc: &Document,
    article_ld: Option<&Value>,
    url: Option<&str>,
) -> (Option<String>, Option<String>) {
    let mut written: Vec<String> = Vec::new();
    written.extend(
        article_ld
            .and_then(|a| a.get("datePublished").or_else(|| a.get("dateCreated")))
            .and_then(str_of),
    );
    for key in DATE_METAS {
        written.extend(meta(doc, &[key]));
    }
    let preferred =
        doc.select("time[itemprop=\"datePublished\"], time[pubdate], time[class*=\"publish\"]");
    let times = doc.select("time[datetime]");
    written.extend(
        preferred
            .iter()
            .chain(times.iter())
            .filter_map(|t| t.attr("datetime").and_then(|d| clean(&d))),
    );
    if let Some(d) = written.iter().find_map(|w| date::normalize(w)) {
        return (Some(d), None);
    }
    match url.and_then(date::in_url) {
        Some(d) => (Some(d), None),
        None => (None, written.into_iter().next()),
    }
}

/// Reads the page's metadata (see the module docs).
pub fn page_meta(doc: &Document) -> PageMeta {
    let ld = json_ld(doc);
    let article = ld.iter().find(|v| {
        types_of(v)
            .iter()
            .any(|t| ARTICLE_TYPES.contains(&t.as_str()))
    });
    let url = absolute(
        doc.select("link[rel=\"canonical\" i]")
            .attr("href")
            .and_then(|h| clean(&h)),
    )
    .or_else(|| absolute(meta(doc, &["og:url"])))
    .or_else(|| {
        absolute(
            article
                .and_then(|a| a.get("url").or_else(|| a.get("mainEntityOfPage")))
                .and_then(str_of),
        )
    });
    let h1 = || clean(&doc.select("h1").first().text());
    let site = meta(doc, &["og:site_name"])
        .or_else(|| {
            article
                .and_then(|a| a.get("publisher"))
                .and_then(|p| p.get("name"))
                .and_then(str_of)
        })
        .or_else(|| meta(doc, &["application-name"]));
    let page_title = clean(&doc.select("title").first().text());
    let title = meta(doc, &["og:title", "twitter:title"])
        .or_else(|| {
            article
                .and_then(|a| a.get("headline").or_else(|| a.get("name")))
                .and_then(str_of)
        })
        .or_else(h1)
        .or_else(|| {
            page_title
                .as_deref()
                .map(|t| strip_site(t, site.as_deref()).0)
        });
    // No declared site name: the short tail of `<title>` after a separator.
    let site = site.or_else(|| page_title.as_deref().and_then(|t| strip_site(t, None).1));
    let html = doc.select("html");
    let lang = html
        .attr("lang")
        .or_else(|| html.attr("xml:lang"))
        .and_then(|l| clean(&l))
        .or_else(|| {
            doc.select("meta[http-equiv=\"content-language\" i]")
                .attr("content")
                .and_then(|c| clean(&c))
        })
        .or_else(|| article.and_then(|a| a.get("inLanguage")).and_then(str_of))
        .or_else(|| {
            let rtl = |s: Selection| s.attr("dir").is_some_and(|d| d.eq_ignore_ascii_case("rtl"));
            (rtl(html.clone()) || rtl(doc.select("body"))).then(|| "ar".to_string())
        });
    let og_type = meta(doc, &["og:type"]).map(|t| t.to_lowercase());
    let is_article = article.is_some() || og_type.as_deref() == Some("article");
    let root = url.as_deref().is_some_and(|u| {
        let rest = u.split_once("://").map_or(u, |(_, r)| r);
        rest.find('/')
            .is_none_or(|i| rest[i..].trim_matches('/').is_empty())
    });
    let not_free = ld.iter().any(|v| {
        matches!(v.get("isAccessibleForFree"), Some(Value::Bool(false)))
            || matches!(v.get("isAccessibleForFree"), Some(Value::String(s)) if s.eq_ignore_ascii_case("false"))
    });
    let (date, unread_date) = publication_date(doc, article, url.as_deref());
    PageMeta {
        date,
        unread_date,
        title,
        site,
        lang,
        is_article,
        is_front: !is_article && root,
        not_free,
        password: doc.select("input[type=\"password\" i]").exists(),
        url,
    }
}

/// A `<title>` without the site's name after a separator (`Headline | Site`), and that name
/// (at most four words).
fn strip_site(title: &str, site: Option<&str>) -> (String, Option<String>) {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            let named = site.is_none_or(|s| tail.contains(s) || s.contains(tail));
            if named
                && head.split_whitespace().count() >= 3
                && (1..=4).contains(&tail.split_whitespace().count())
            {
                return (head.trim().to_string(), Some(tail.to_string()));
            }
        }
    }
    (title.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str, body: &str) -> Document {
        Document::from(format!("<html><head>{head}</head><body>{body}</body></html>").as_str())
    }

    #[test]
    fn dates_in_order_json_ld_meta_time_url() {
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-05-15T06:30:00+02:00"}</script>"#;
        let m = r#"<meta property="article:published_time" content="2024-05-16T09:00:00Z">"#;
        let t = r#"<time datetime="2024-05-17">17 May</time>"#;
        let c = r#"<link rel="canonical" href="https://x.example/2024/05/14/story/">"#;
        let date = |head: &str, body: &str| page_meta(&page(head, body)).date;
        assert_eq!(
            date(&format!("{ld}{m}{c}"), t).as_deref(),
            Some("2024-05-15T06:30:00+02:00")
        );
        assert_eq!(
            date(&format!("{m}{c}"), t).as_deref(),
            Some("2024-05-16T09:00:00Z")
        );
        assert_eq!(date(c, t).as_deref(), Some("2024-05-17"));
        assert_eq!(date(c, "").as_deref(), Some("2024-05-14"));
        // A JSON-LD date that is not a date falls through to the next source.
        let bad = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"today"}</script>"#;
        assert_eq!(
            date(&format!("{bad}{m}"), "").as_deref(),
            Some("2024-05-16T09:00:00Z")
        );
        // A JSON-LD date on a non-article object (the site) does not count.
        let site = r#"<script type="application/ld+json">{"@type":"WebSite","datePublished":"2001-01-01"}</script>"#;
        assert_eq!(
            date(&format!("{site}{c}"), "").as_deref(),
            Some("2024-05-14")
        );
    }

    #[test]
    fn metadata_from_graph_and_open_graph() {
        let head = r#"<title>Rain in Jeddah | Mashriq TV</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Org"},
            {"@type":["ReportageNewsArticle"],"headline":"LD headline","url":"https://m.example/a/1","publisher":{"name":"Mashriq"},"datePublished":"2024-01-10"}]}</script>"#;
        let m = page_meta(&page(head, "<h1>H1</h1>"));
        assert_eq!(m.title.as_deref(), Some("LD headline"));
        assert_eq!(m.url.as_deref(), Some("https://m.example/a/1"));
        assert_eq!(m.site.as_deref(), Some("Mashriq"));
        assert_eq!(m.date.as_deref(), Some("2024-01-10"));
        assert!(m.is_article && !m.is_front);
        let m = page_meta(&page(
            r#"<title>Library reopens after refurbishment – Kestrel Bay Chronicle</title><meta property="og:site_name" content="Kestrel Bay Chronicle">"#,
            "",
        ));
        assert_eq!(
            m.title.as_deref(),
            Some("Library reopens after refurbishment")
        );
        let m = page_meta(&page(
            "<title>Fishermen protest over reef plans - The Porthaven Herald</title>",
            "",
        ));
        assert_eq!(
            m.title.as_deref(),
            Some("Fishermen protest over reef plans")
        );
        assert_eq!(m.site.as_deref(), Some("The Porthaven Herald"));
        let m = Document::from("<html dir=rtl><body><p>نص</p></body></html>");
        assert_eq!(page_meta(&m).lang.as_deref(), Some("ar"));
        let m = Document::from(
            "<html lang='en-GB'><head><link rel=canonical href='/relative'></head></html>",
        );
        let m = page_meta(&m);
        assert_eq!((m.lang.as_deref(), m.url), (Some("en-GB"), None));
    }

    #[test]
    fn fronts_and_walls_are_recognised() {
        let m = page_meta(&page(
            r#"<link rel="canonical" href="https://x.example/"><meta property="og:type" content="website">"#,
            "",
        ));
        assert!(m.is_front);
        // Many article pages say og:type website: only the root URL makes a front.
        let m = page_meta(&page(
            r#"<link rel="canonical" href="https://x.example/news/1"><meta property="og:type" content="website">"#,
            "",
        ));
        assert!(!m.is_front);
        let m = page_meta(&page("", "<form><input type=password></form>"));
        assert!(m.password && !m.not_free);
        let m = page_meta(&page(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":"False"}</script>"#,
            "",
        ));
        assert!(m.not_free && m.is_article);
    }
}
