//! Which fields of a JSON or JSONL record hold the parts of an article.

use crate::error::{Error, Result};

/// Which fields of a JSON or JSONL record hold each part of an article: for each part, the
/// field names tried in order; the first with a non-empty string (or number) value wins. A
/// name may start and/or end with `*` to match any field containing (starting, ending with)
/// the rest, tried in the record's field-name order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The article's id (default `id`, `guid`).
    pub id: Vec<String>,
    /// The article text, the only required part (default `text`, `content`, `body`,
    /// `article`).
    pub text: Vec<String>,
    /// The headline (default `title`, `headline`).
    pub title: Vec<String>,
    /// The publication date (default `published`, `date`, then any field containing `date`).
    pub date: Vec<String>,
    /// The URL (default `url`, `link`).
    pub url: Vec<String>,
    /// The outlet (default `source`, `outlet`, `publisher`, `site`).
    pub source: Vec<String>,
}

impl Default for Fields {
    fn default() -> Self {
        let v = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
        Fields {
            id: v(&["id", "guid"]),
            text: v(&["text", "content", "body", "article"]),
            title: v(&["title", "headline"]),
            date: v(&["published", "date", "*date*"]),
            url: v(&["url", "link"]),
            source: v(&["source", "outlet", "publisher", "site"]),
        }
    }
}

impl Fields {
    /// Sets the field names of one part from `PART=NAME[,NAME...]`, for example
    /// `text=content` or `date=date_published,created`. Parts: id, text, title, date, url,
    /// source.
    pub fn set(&mut self, spec: &str) -> Result<()> {
        let bad = |why: &str| Error::Config(format!("field spec {spec:?}: {why}"));
        let (part, names) = spec
            .split_once('=')
            .ok_or_else(|| bad("expected PART=NAME, for example text=content"))?;
        let names: Vec<String> = names
            .split(',')
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty() && n != "*")
            .collect();
        if names.is_empty() {
            return Err(bad("no field name after ="));
        }
        let slot = match part.trim() {
            "id" => &mut self.id,
            "text" => &mut self.text,
            "title" => &mut self.title,
            "date" => &mut self.date,
            "url" => &mut self.url,
            "source" => &mut self.source,
            _ => return Err(bad("the part must be id, text, title, date, url or source")),
        };
        *slot = names;
        Ok(())
    }
}
