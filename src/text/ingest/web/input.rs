//! Web inputs as raw articles: what [`crate::text::ingest`] calls for pages and feeds, and the rule
//! that a feed item gives way to a page (or any article) with the same link.
//!
//! Contract: [`add_page`] adds one [`RawDocument`] (origin [`Origin::Page`]) or one
//! [`Skipped`] entry with the page's [`Reason`](super::Reason); [`add_feed`] adds one
//! [`RawDocument`] per item (origin [`Origin::FeedItem`], named `NAME#N`, at `path#N`, N from
//! 1), or a [`Skipped`] entry for a feed that cannot be parsed or has no item. [`FeedItems`]
//! holds feed items back while the rest of the input is read and then lets through only those
//! whose link ([`url_key`]) is no other article's: the article keeps its text and takes the
//! item's date and outlet when it has none. A feed whose title is an outlet's name and a
//! section (`Northern Wire – Top News`) gives its items the outlet's name as the pages write it. Items of one feed are never merged with each other
//! (one article per item); an item whose link an earlier feed already gave is left out.

use std::collections::{HashMap, HashSet};

use super::{WebArticle, url_key};
use crate::corpus::{Corpus, Meta, Origin, RawDocument};
use crate::error::{SkipKind, Skipped};
use crate::text::ingest::{Ingested, date_in_name};

/// A skipped entry for a date that was written but could not be read.
fn unread(path: &str, written: &str) -> Skipped {
    let shown: String = written.chars().take(60).collect();
    Skipped::new(
        SkipKind::UnreadDate,
        path,
        format!("date not read: {shown:?} is not a date in a known form; the article has none"),
    )
}

/// The raw article of a page or item, and the report of its unreadable date.
pub fn raw_document(
    a: WebArticle,
    id: String,
    path: String,
    origin: Origin,
) -> (RawDocument, Option<Skipped>) {
    let report = a.unread_date.as_deref().map(|w| unread(&path, w));
    let doc = RawDocument {
        meta: Meta {
            id,
            path,
            title: a.title,
            date: a.date,
            url: a.url,
            source: a.site,
            lang: a.lang,
            origin,
        },
        text: a.text,
    };
    (doc, report)
}

/// Adds the article of a saved page, or says why there is none.
pub fn add_page(out: &mut Ingested, path: &str, name: &str, bytes: &[u8]) {
    match super::extract_page(bytes) {
        Ok(a) => {
            let (mut doc, report) = raw_document(a, name.to_owned(), path.to_owned(), Origin::Page);
            if doc.meta.date.is_none() {
                doc.meta.date = date_in_name(name);
            }
            out.skipped
                .extend(report.filter(|_| doc.meta.date.is_none()));
            out.documents.push(doc);
        }
        Err(reason) => out
            .skipped
            .push(Skipped::new(reason.kind(), path, reason.to_string())),
    }
}

/// Adds one article per item of a feed.
pub fn add_feed(out: &mut Ingested, path: &str, name: &str, bytes: &[u8]) {
    let feed = match super::read_feed(bytes) {
        Ok(f) => f,
        Err(reason) => {
            out.skipped
                .push(Skipped::new(reason.kind(), path, reason.to_string()));
            return;
        }
    };
    if feed.items.is_empty() {
        out.skipped
            .push(Skipped::new(SkipKind::Empty, path, "feed without items"));
    }
    for (i, a) in feed.items.into_iter().enumerate() {
        let (doc, report) = raw_document(
            a,
            format!("{name}#{}", i + 1),
            format!("{path}#{}", i + 1),
            Origin::FeedItem,
        );
        out.skipped.extend(report);
        out.documents.push(doc);
    }
}

/// Feed items held back until every other article is read (see the module docs).
#[derive(Debug, Default)]
pub struct FeedItems {
    /// The items, in the order read, each with the path of its feed.
    held: Vec<(String, RawDocument)>,
}

/// The path of the feed an item came from (`path#N` -> `path`).
fn feed_of(item: &RawDocument) -> String {
    let p = &item.meta.path;
    p.rsplit_once('#').map_or(p.as_str(), |(f, _)| f).to_owned()
}

/// Separators between an outlet's name and a section in a feed's title.
const SECTION_SEPARATORS: &[&str] = &[
    " – ", " — ", " - ", " | ", " :: ", ": ", " : ", " « ", " » ",
];

/// The outlet a feed's title names, given the outlets of the pages read: `Northern Wire – Top
/// News` is `Northern Wire` when a page says so, and the feed's title as it is otherwise.
pub fn outlet_of(feed_title: &str, page_outlets: &[&str]) -> String {
    let t = feed_title.trim();
    let mut best: Option<&str> = None;
    for o in page_outlets {
        let o = o.trim();
        if o.is_empty() || o.len() >= t.len() || !t.is_char_boundary(o.len()) {
            continue;
        }
        let (head, rest) = t.split_at(o.len());
        if head.to_lowercase() == o.to_lowercase()
            && SECTION_SEPARATORS.iter().any(|s| rest.starts_with(s))
            && best.is_none_or(|b| b.len() < o.len())
        {
            best = Some(o);
        }
    }
    best.map_or_else(|| t.to_owned(), str::to_owned)
}

impl FeedItems {
    /// Keeps the feed items among `docs` and returns the others.
    pub fn hold(&mut self, docs: Vec<RawDocument>) -> Vec<RawDocument> {
        let mut rest = Vec::with_capacity(docs.len());
        for d in docs {
            if d.meta.origin == Origin::FeedItem {
                self.held.push((feed_of(&d), d));
            } else {
                rest.push(d);
            }
        }
        rest
    }

    /// True when no item is held.
    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// The items whose link no article in `corpus` has; matched articles take the item's
    /// date and outlet when they have none. An item's outlet is the pages' name for it (see
    /// [`outlet_of`]).
    pub fn release_into(self, corpus: &mut Corpus) -> Vec<RawDocument> {
        let mut metas: Vec<&mut Meta> = corpus.documents.iter_mut().map(|d| &mut d.meta).collect();
        self.release(&mut metas)
    }

    /// As [`FeedItems::release_into`], for articles not yet in a corpus.
    pub fn release_among(self, docs: &mut [RawDocument]) -> Vec<RawDocument> {
        let mut metas: Vec<&mut Meta> = docs.iter_mut().map(|d| &mut d.meta).collect();
        self.release(&mut metas)
    }

    fn release(self, articles: &mut [&mut Meta]) -> Vec<RawDocument> {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (i, m) in articles.iter().enumerate() {
            if let Some(u) = &m.url {
                by_key.entry(url_key(u)).or_insert(i);
            }
        }
        let mut outlets: Vec<String> = articles
            .iter()
            .filter(|m| m.origin == Origin::Page)
            .filter_map(|m| m.source.clone())
            .collect();
        outlets.sort();
        outlets.dedup();
        let outlets: Vec<&str> = outlets.iter().map(String::as_str).collect();
        let mut from_feeds: HashMap<String, String> = HashMap::new();
        let mut kept = Vec::new();
        let mut merged = HashSet::new();
        for (feed, mut item) in self.held {
            item.meta.source = item.meta.source.map(|s| outlet_of(&s, &outlets));
            let Some(key) = item.meta.url.as_deref().map(url_key) else {
                kept.push(item);
                continue;
            };
            if let Some(&i) = by_key.get(&key) {
                if merged.insert(key) {
                    let m = &mut articles[i];
                    if m.date.is_none() {
                        m.date = item.meta.date.clone();
                    }
                    if m.source.is_none() {
                        m.source = item.meta.source.clone();
                    }
                }
                continue;
            }
            match from_feeds.get(&key) {
                Some(file) if *file != feed => continue,
                Some(_) => {}
                None => {
                    from_feeds.insert(key, feed);
                }
            }
            kept.push(item);
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(file: &str, line: usize, url: &str, origin: Origin) -> RawDocument {
        let path = if line == 0 {
            file.to_string()
        } else {
            format!("{file}#{line}")
        };
        RawDocument {
            meta: Meta {
                id: path.clone(),
                path,
                url: Some(url.into()),
                date: Some(format!("2024-03-0{line}")),
                source: Some(file.into()),
                origin,
                ..Meta::default()
            },
            text: "Text.".into(),
        }
    }

    #[test]
    fn items_give_way_to_pages_and_to_earlier_feeds() {
        let mut held = FeedItems::default();
        let rest = held.hold(vec![
            doc(
                "a.xml",
                1,
                "https://x.example/p?utm_source=rss",
                Origin::FeedItem,
            ),
            doc("a.xml", 2, "https://x.example/q", Origin::FeedItem),
            doc("a.xml", 3, "https://x.example/q", Origin::FeedItem),
            doc("b.xml", 1, "https://x.example/q/", Origin::FeedItem),
            doc("b.xml", 2, "https://x.example/r", Origin::FeedItem),
        ]);
        assert!(rest.is_empty());
        let mut page = doc("p.html", 0, "https://www.x.example/p", Origin::Page);
        page.meta.date = None;
        let mut pages = vec![page];
        let kept = held.release_among(&mut pages);
        let names: Vec<&str> = kept.iter().map(|d| d.meta.id.as_str()).collect();
        // One feed's items are all kept; another feed's repeat of a link is not.
        assert_eq!(names, ["a.xml#2", "a.xml#3", "b.xml#2"]);
        assert_eq!(pages[0].meta.date.as_deref(), Some("2024-03-01"));
        assert_eq!(pages[0].meta.source.as_deref(), Some("p.html"));
    }

    #[test]
    fn an_unreadable_date_is_reported_and_the_item_kept() {
        let xml = br#"<rss version="2.0"><channel><title>W</title>
<item><title>A</title><link>https://w.example/a</link><pubDate>31 Foo 2024</pubDate><description>A one.</description></item>
<item><title>B</title><link>https://w.example/b</link><pubDate>Wed, 06 Mar 2024 04:30:00 GMT</pubDate><description>B one.</description></item>
</channel></rss>"#;
        let mut out = Ingested::default();
        add_feed(&mut out, "feeds/w.xml", "w", xml);
        assert_eq!(out.documents.len(), 2);
        assert_eq!(out.documents[0].meta.date, None);
        assert_eq!(out.skipped.len(), 1);
        let s = &out.skipped[0];
        assert_eq!(
            (s.kind, s.path.as_str()),
            (SkipKind::UnreadDate, "feeds/w.xml#1")
        );
        assert!(s.reason.contains("31 Foo 2024"), "{}", s.reason);
    }

    #[test]
    fn a_feed_named_for_a_section_is_its_outlet() {
        let pages = ["Northern Wire", "North"];
        assert_eq!(
            outlet_of("Northern Wire – Top News", &pages),
            "Northern Wire"
        );
        assert_eq!(outlet_of("northern wire | World", &pages), "Northern Wire");
        assert_eq!(outlet_of("Northern Wire", &pages), "Northern Wire");
        assert_eq!(
            outlet_of("Northern Wirebound", &pages),
            "Northern Wirebound"
        );
        assert_eq!(
            outlet_of("الشرق اليوم - آخر الأخبار", &["الشرق اليوم"]),
            "الشرق اليوم"
        );
        assert_eq!(
            outlet_of("Daily Ledger – Top News", &[]),
            "Daily Ledger – Top News"
        );
    }
}
