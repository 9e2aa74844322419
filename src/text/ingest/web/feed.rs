//! Feeds: every item is an article.
//!
//! Contract: [`read`] parses RSS 0.9x, RSS 1.0 (RDF), RSS 2.0, Atom and JSON Feed (with
//! `feed-rs`; the XML declaration's encoding is honoured) and returns one [`WebArticle`] per
//! item, in feed order: title (HTML stripped), link (the `alternate` link, else the first,
//! else a permalink `guid`), date (published, else updated; read by
//! [`crate::text::date::normalize`], so that the day and offset are the feed's own; a date
//! that cannot be read is left out and named in [`WebArticle::unread_date`]),
//! site (the feed's title), language (the item's, else the feed's) and text from
//! `content:encoded`/`content`, else `description`/`summary`, HTML stripped by
//! [`fragment_text`]. An item without text is its title. So that an item is always an
//! article, a text of which no paragraph ends a sentence gets a full stop. Malformed XML is a
//! [`Reason::BadFeed`]; entities are never expanded beyond the five
//! predefined ones and character references, so an entity bomb is only bytes.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::html::{fragment_text, paragraphs};
use super::{Reason, WebArticle};
use crate::text::clean::ends_sentence;
use crate::text::date;

/// The dates a feed wrote, as read by our date module: the token handed to `feed-rs` for each
/// date it met (a count, as seconds since 1970) -> the date as written (ISO 8601, offset kept;
/// `\0` and the raw text when it cannot be read). A token per date, never the date's moment:
/// two items written at one moment in two zones keep each its own day.
type Written = Arc<Mutex<BTreeMap<i64, String>>>;

/// The feed's title and its items.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feed {
    /// The feed's title (the outlet).
    pub title: Option<String>,
    /// One article per item.
    pub items: Vec<WebArticle>,
}

fn text_of(content: &str, html: bool) -> String {
    if html || super::sniff::looks_like_html(content) {
        fragment_text(content)
    } else {
        paragraphs(content)
    }
}

fn is_html(t: &feed_rs::model::Text) -> bool {
    let s = t.content_type.essence().to_string();
    s.contains("html")
}

/// Parses a feed (see the module docs).
pub fn read(bytes: &[u8]) -> Result<Feed, Reason> {
    let written: Written = Arc::default();
    let table = Arc::clone(&written);
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(move |raw| {
            let mut table = table.lock().ok()?;
            let token = table.len() as i64;
            let text = date::normalize(raw).unwrap_or_else(|| format!("\0{}", raw.trim()));
            table.insert(token, text);
            chrono::DateTime::from_timestamp(token, 0)
        })
        .build();
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse(bytes)))
        .map_err(|_| Reason::Failed)?
        .map_err(|e| Reason::BadFeed(e.to_string()))?;
    let written = written.lock().map(|t| t.clone()).unwrap_or_default();
    let as_written =
        |d: Option<chrono::DateTime<chrono::Utc>>| -> (Option<String>, Option<String>) {
            match d.and_then(|d| written.get(&d.timestamp())) {
                Some(t) if t.starts_with('\0') => (None, Some(t[1..].to_string())),
                Some(t) => (Some(t.clone()), None),
                None => (None, None),
            }
        };
    let site = parsed
        .title
        .as_ref()
        .map(|t| text_of(&t.content, is_html(t)))
        .filter(|t| !t.is_empty());
    let items = parsed
        .entries
        .iter()
        .map(|e| {
            let title = e
                .title
                .as_ref()
                .map(|t| text_of(&t.content, is_html(t)).replace("\n\n", " "))
                .filter(|t| !t.is_empty());
            let body = e
                .content
                .as_ref()
                .and_then(|c| {
                    c.body
                        .as_deref()
                        .map(|b| text_of(b, c.content_type.essence().to_string().contains("html")))
                })
                .filter(|t| !t.trim().is_empty())
                .or_else(|| e.summary.as_ref().map(|s| text_of(&s.content, is_html(s))))
                .filter(|t| !t.trim().is_empty());
            let mut text = body.or_else(|| title.clone()).unwrap_or_default();
            // No paragraph ends a sentence (a teaser, a title): the last one gets a stop. A
            // text that has sentences is left alone, so its furniture still matches.
            if !text.trim().is_empty() && !text.split("\n\n").any(ends_sentence) {
                text.push('.');
            }
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.trim().to_string())
                .or_else(|| {
                    (e.id.starts_with("http://") || e.id.starts_with("https://"))
                        .then(|| e.id.clone())
                });
            let (published, unread) = as_written(e.published);
            let (updated, unread_update) = as_written(e.updated);
            let date = published.or(updated);
            WebArticle {
                title,
                text,
                unread_date: if date.is_none() {
                    unread.or(unread_update)
                } else {
                    None
                },
                date,
                url: link,
                site: site.clone(),
                lang: e.language.clone().or_else(|| parsed.language.clone()),
            }
        })
        .collect();
    Ok(Feed { title: site, items })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_become_articles() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>One</title><link>https://w.example/1</link><pubDate>Tue, 05 Mar 2024 07:12:00 +0100</pubDate><description>Short teaser</description>
<content:encoded><![CDATA[<p>First paragraph.</p><p>Second <b>one</b>.</p>]]></content:encoded></item>
<item><title>Two &amp; more</title><guid>https://w.example/2</guid><description>A teaser without a stop</description></item>
<item><title>Only a title</title></item></channel></rss>"#;
        let f = read(xml).unwrap();
        assert_eq!(f.title.as_deref(), Some("Wire"));
        assert_eq!(f.items.len(), 3);
        let a = &f.items[0];
        assert_eq!(a.text, "First paragraph.\n\nSecond one.");
        assert_eq!(a.url.as_deref(), Some("https://w.example/1"));
        // The feed's own day and offset, not moved to UTC.
        assert_eq!(a.date.as_deref(), Some("2024-03-05T07:12:00+01:00"));
        assert_eq!(a.site.as_deref(), Some("Wire"));
        assert_eq!(f.items[1].title.as_deref(), Some("Two & more"));
        assert_eq!(f.items[1].url.as_deref(), Some("https://w.example/2"));
        assert_eq!(f.items[1].text, "A teaser without a stop.");
        assert_eq!(f.items[2].text, "Only a title.");
    }

    #[test]
    fn regression_one_moment_in_two_zones_keeps_each_items_day() {
        // The same instant: 23:30 on the 5th in New York is 04:30 on the 6th in UTC. Dates
        // were once looked up by their moment, and the second item took the first's day.
        let xml = br#"<rss version="2.0"><channel><title>W</title>
<item><title>A</title><link>https://w.example/a</link><pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate><description>A one.</description></item>
<item><title>B</title><link>https://w.example/b</link><pubDate>Wed, 06 Mar 2024 04:30:00 GMT</pubDate><description>B one.</description></item>
<item><title>C</title><link>https://w.example/c</link><pubDate>yesterday</pubDate><description>C one.</description></item>
</channel></rss>"#;
        let f = read(xml).unwrap();
        let dates: Vec<_> = f.items.iter().map(|i| i.date.as_deref()).collect();
        assert_eq!(
            dates,
            [
                Some("2024-03-05T23:30:00-05:00"),
                Some("2024-03-06T04:30:00Z"),
                None
            ]
        );
        // A date that is not one is left out and named, never guessed.
        assert_eq!(f.items[2].unread_date.as_deref(), Some("yesterday"));
        assert_eq!(f.items[0].unread_date, None);
    }

    #[test]
    fn bad_feeds_are_reasons_not_panics() {
        for x in [
            &b""[..],
            b"<rss>",
            b"<rss><channel><item><title>x</title></item>",
            b"{\"version\":1",
            b"\xff\xfe\x00",
        ] {
            let _ = read(x);
        }
        assert!(matches!(
            read(b"<rss><channel><title>x</chan"),
            Err(Reason::BadFeed(_)) | Ok(_)
        ));
        let bomb = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>t</title><item><title>&lol3;</title><description>&lol3;</description></item></channel></rss>"#;
        if let Ok(f) = read(bomb) {
            assert!(f.items.iter().all(|i| i.text.len() < 1000));
        }
    }
}
