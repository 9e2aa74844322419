//! Records: JSON and JSONL files of articles, with configurable field names.

use crate::config::Fields;
use crate::corpus::{Meta, Origin, RawDocument};
use crate::error::{SkipKind, Skipped};

use super::{Ingested, web};

type Record = serde_json::Map<String, serde_json::Value>;

/// The first field among `names` in a record holding something (not null, not a blank
/// string), with its name.
fn find<'a>(record: &'a Record, names: &[String]) -> Option<(&'a str, &'a serde_json::Value)> {
    let present = |v: &serde_json::Value| match v {
        serde_json::Value::Null => false,
        serde_json::Value::String(s) => !s.trim().is_empty(),
        _ => true,
    };
    names.iter().find_map(|name| {
        let (starts, ends) = (name.starts_with('*'), name.ends_with('*'));
        if !starts && !ends {
            return record
                .get_key_value(name)
                .filter(|(_, v)| present(v))
                .map(|(k, v)| (k.as_str(), v));
        }
        let core = name.trim_matches('*').to_lowercase();
        record.iter().find_map(|(k, v)| {
            let key = k.to_lowercase();
            let hit = match (starts, ends) {
                (true, true) => key.contains(&core),
                (true, false) => key.ends_with(&core),
                _ => key.starts_with(&core),
            };
            (hit && present(v)).then_some((k.as_str(), v))
        })
    })
}

/// The first string or number among `names`, as written (a number keeps its digits).
fn pick(record: &Record, names: &[String]) -> Option<String> {
    match find(record, names)?.1 {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What a JSON value is, in words.
fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a true/false value",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Turns one JSON value into an article, or says why it is not one. `at` is where it is
/// (`path:line` or `path#index`), `fallback` its name when it has no id.
fn record(
    value: serde_json::Value,
    fields: &Fields,
    at: &str,
    fallback: String,
    file_date: Option<&String>,
) -> std::result::Result<RawDocument, (SkipKind, String)> {
    let serde_json::Value::Object(map) = value else {
        return Err((SkipKind::Malformed, "not a JSON object".into()));
    };
    let text = match find(&map, &fields.text) {
        Some((_, serde_json::Value::String(s))) => s.clone(),
        Some((name, other)) => {
            let reason = format!(
                "field {name:?} holds {}, not the article's text",
                kind_of(other)
            );
            return Err((SkipKind::NoText, reason));
        }
        None => {
            let reason = format!(
                "record has no text (looked for the field{} {})",
                if fields.text.len() == 1 { "" } else { "s" },
                fields.text.join(", ")
            );
            return Err((SkipKind::NoText, reason));
        }
    };
    // A text that is HTML is extracted; the record's own fields win over what its HTML says.
    let page = if web::sniff::looks_like_html(&text) {
        Some(web::html::extract(&text).map_err(|r| (r.kind(), r.to_string()))?)
    } else {
        None
    };
    let (text, page, origin) = match page {
        Some(mut p) => (std::mem::take(&mut p.text), p, Origin::Page),
        None => (text, web::WebArticle::default(), Origin::Text),
    };
    Ok(RawDocument {
        meta: Meta {
            id: pick(&map, &fields.id).unwrap_or(fallback),
            path: at.to_owned(),
            title: pick(&map, &fields.title).or(page.title),
            date: pick(&map, &fields.date)
                .or(page.date)
                .or_else(|| file_date.cloned()),
            url: pick(&map, &fields.url).or(page.url),
            source: pick(&map, &fields.source).or(page.site),
            lang: page.lang,
            origin,
        },
        text,
    })
}

pub(crate) fn read_jsonl(out: &mut Ingested, path: &str, name: &str, text: &str, fields: &Fields) {
    read_jsonl_lines(out, path, name, text.lines(), fields, &mut |_| {});
}

/// [`read_jsonl`] over lines however they are read (from a text in memory, or a file through
/// a buffer: see `stream`), with the same result. `hook` sees `out` after each line (it may
/// take the articles read so far).
pub(crate) fn read_jsonl_lines<S: AsRef<str>>(
    out: &mut Ingested,
    path: &str,
    name: &str,
    lines: impl Iterator<Item = S>,
    fields: &Fields,
    hook: &mut dyn FnMut(&mut Ingested),
) {
    let mut any = false;
    let file_date = date_in_name(name);
    for (i, line) in lines.enumerate() {
        let line = line.as_ref();
        if line.trim().is_empty() {
            continue;
        }
        any = true;
        let at = format!("{path}:{}", i + 1);
        let parsed = serde_json::from_str(line)
            .map_err(|e| (SkipKind::Malformed, format!("malformed JSON line: {e}")))
            .and_then(|v| {
                record(
                    v,
                    fields,
                    &at,
                    format!("{name}:{}", i + 1),
                    file_date.as_ref(),
                )
            });
        match parsed {
            Ok(doc) => out.documents.push(doc),
            Err((kind, reason)) => out.skipped.push(Skipped::new(kind, at, reason)),
        }
        hook(out);
    }
    if !any {
        out.skipped
            .push(Skipped::new(SkipKind::Empty, path, "empty file"));
    }
}

/// Reads a `.json` file: an array of article records, or one record. The array is read record
/// by record (a serde visitor over the sequence), so memory holds the text, the articles kept
/// and one record at a time, never a DOM of the whole file. A syntax error keeps the records
/// before it and reports the rest as malformed.
pub(crate) fn read_json(out: &mut Ingested, path: &str, name: &str, text: &str, fields: &Fields) {
    if text.trim().is_empty() {
        out.skipped
            .push(Skipped::new(SkipKind::Empty, path, "empty file"));
        return;
    }
    if !text.trim_start().starts_with(['[', '{']) {
        out.skipped.push(Skipped::new(
            SkipKind::Malformed,
            path,
            "JSON is neither an array of articles nor an article object",
        ));
        return;
    }
    parse_json(
        out,
        path,
        name,
        serde_json::Deserializer::from_str(text),
        fields,
        &mut |_| {},
    );
}

/// The records of [`read_json`] from any JSON source (a text in memory, or a file through a
/// buffer: see `stream`) whose first non-blank character is `[` or `{`, with the same result.
/// `hook` sees `out` after each record (it may take the articles read so far).
pub(crate) fn parse_json<'de, R: serde_json::de::Read<'de>>(
    out: &mut Ingested,
    path: &str,
    name: &str,
    mut de: serde_json::Deserializer<R>,
    fields: &Fields,
    hook: &mut dyn FnMut(&mut Ingested),
) {
    let file_date = date_in_name(name);
    let mut reader = Records {
        out,
        path,
        name,
        fields,
        file_date: file_date.as_ref(),
        count: 0,
        hook,
    };
    let result = serde::Deserializer::deserialize_any(&mut de, &mut reader).and_then(|()| de.end());
    let count = reader.count;
    if let Err(e) = result {
        let reason = match count {
            0 => format!("malformed JSON: {e}"),
            n => format!("malformed JSON after record {n} (the {n} before it are read): {e}"),
        };
        out.skipped
            .push(Skipped::new(SkipKind::Malformed, path, reason));
    }
}

/// The visitor of [`read_json`]: each record of the top-level array (or the one object) becomes
/// an article or a skipped entry as soon as it is parsed.
struct Records<'a> {
    out: &'a mut Ingested,
    path: &'a str,
    name: &'a str,
    fields: &'a Fields,
    file_date: Option<&'a String>,
    /// Records read so far.
    count: usize,
    /// Sees `out` after each record.
    hook: &'a mut dyn FnMut(&mut Ingested),
}

impl Records<'_> {
    fn add(&mut self, v: serde_json::Value) {
        let i = self.count;
        self.count += 1;
        let at = format!("{}#{i}", self.path);
        let id = format!("{}#{i}", self.name);
        match record(v, self.fields, &at, id, self.file_date) {
            Ok(doc) => self.out.documents.push(doc),
            Err((kind, reason)) => self.out.skipped.push(Skipped::new(kind, at, reason)),
        }
        (self.hook)(self.out);
    }
}

impl<'de> serde::de::Visitor<'de> for &mut Records<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of articles or an article object")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(v) = seq.next_element::<serde_json::Value>()? {
            self.add(v);
        }
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        use serde::Deserialize;
        let v = serde_json::Value::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        self.add(v);
        Ok(())
    }
}

/// A date written in a file name (`APW20240305.0151`, `2015-07-21`), as `YYYY-MM-DD`: the
/// first run of digits `(19|20)YY[-_]?MM[-_]?DD` (a real month and day) not inside a longer
/// number. Scanned by hand, not by a regex: every run reads file names, and compiling the
/// regex was a fifth of a millisecond on the main thread before any file was read.
pub fn date_in_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let pair = |i: usize| Some((*b.get(i)?, *b.get(i + 1)?));
    let sep = |i: usize| i + usize::from(matches!(b.get(i), Some(b'-' | b'_')));
    for i in 0..b.len() {
        if (i > 0 && digit(i - 1)) || !matches!(pair(i), Some((b'1', b'9') | (b'2', b'0'))) {
            continue;
        }
        if !(digit(i + 2) && digit(i + 3)) {
            continue;
        }
        let m = sep(i + 4);
        let month_ok = match pair(m) {
            Some((b'0', d)) => (b'1'..=b'9').contains(&d),
            Some((b'1', d)) => (b'0'..=b'2').contains(&d),
            _ => false,
        };
        if !month_ok {
            continue;
        }
        let d = sep(m + 2);
        let day_ok = match pair(d) {
            Some((b'0', x)) => (b'1'..=b'9').contains(&x),
            Some((b'1' | b'2', x)) => x.is_ascii_digit(),
            Some((b'3', x)) => x == b'0' || x == b'1',
            _ => false,
        };
        if !day_ok || digit(d + 2) {
            continue;
        }
        let text = |a: usize, n: usize| &name[a..a + n];
        return Some(format!("{}-{}-{}", text(i, 4), text(m, 2), text(d, 2)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_name("APW20240305.0151").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            date_in_name("day/2015-07-21").as_deref(),
            Some("2015-07-21")
        );
        assert_eq!(date_in_name("000_6932063679f223f1"), None);
        assert_eq!(date_in_name("x123456789"), None);
        assert_eq!(
            date_in_name("a_2015_07_21_b").as_deref(),
            Some("2015-07-21")
        );
        assert_eq!(
            date_in_name("12015-07-21 20150722").as_deref(),
            Some("2015-07-22")
        );
        assert_eq!(date_in_name("2015-13-01"), None);
        assert_eq!(date_in_name("2015-12-32"), None);
        assert_eq!(date_in_name("2015-12-311"), None);
        assert_eq!(date_in_name("ملف2015-07-21").as_deref(), Some("2015-07-21"));
    }

    proptest::proptest! {
        #[test]
        fn dates_in_names_as_the_regex_finds_them(name in "[0-9_a\\-é]{0,6}(19|20)?[0-9_\\-]{0,10}[a.]?[0-9]{0,3}") {
            let re = regex::Regex::new(
                r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)",
            )
            .expect("pattern");
            let want = re.captures(&name).map(|c| format!("{}-{}-{}", &c[1], &c[2], &c[3]));
            proptest::prop_assert_eq!(date_in_name(&name), want);
        }
    }

    #[test]
    fn jsonl_records_and_bad_lines() {
        let mut out = Ingested::default();
        let text = "{\"id\":\"a\",\"text\":\"Hello there.\",\"title\":\"T\"}\nnot json\n{\"title\":\"x\"}\n\n{\"text\":\"Second.\"}\n";
        read_jsonl(&mut out, "f.jsonl", "f", text, &Fields::default());
        assert_eq!(out.documents.len(), 2);
        assert_eq!(out.documents[0].meta.id, "a");
        assert_eq!(out.documents[0].meta.title.as_deref(), Some("T"));
        assert_eq!(out.documents[1].meta.id, "f:5");
        assert_eq!(out.skipped.len(), 2);
        assert_eq!(out.skipped[0].path, "f.jsonl:2");
        assert!(out.skipped[1].reason.contains("text"));
    }

    #[test]
    fn json_arrays_with_configured_and_wildcard_fields() {
        let text = r#"[
            {"source": "okaz", "url": "http://x/1", "date_crawled": "2015-07-21 08:30:00",
             "title": "T1", "author": "A", "content": "Body one."},
            {"title": "no text"},
            42,
            {"content": "Body two.", "headline": "T2"}
        ]"#;
        let mut out = Ingested::default();
        read_json(
            &mut out,
            "d/2015-07-22.json",
            "2015-07-22",
            text,
            &Fields::default(),
        );
        assert_eq!(out.documents.len(), 2);
        let a = &out.documents[0];
        assert_eq!(a.meta.id, "2015-07-22#0");
        assert_eq!(a.meta.path, "d/2015-07-22.json#0");
        assert_eq!(a.text, "Body one.");
        assert_eq!(a.meta.source.as_deref(), Some("okaz"));
        assert_eq!(a.meta.url.as_deref(), Some("http://x/1"));
        // Any field containing "date"; else the date in the file name.
        assert_eq!(a.meta.date.as_deref(), Some("2015-07-21 08:30:00"));
        assert_eq!(out.documents[1].meta.title.as_deref(), Some("T2"));
        assert_eq!(out.documents[1].meta.date.as_deref(), Some("2015-07-22"));
        assert_eq!(out.skipped.len(), 2);
        assert_eq!(out.skipped[0].path, "d/2015-07-22.json#1");
        assert!(out.skipped[0].reason.contains("no text"));
        assert!(out.skipped[1].reason.contains("not a JSON object"));

        // Configured names replace the defaults.
        let mut fields = Fields::default();
        fields.set("text=author").unwrap();
        fields.set("id=url").unwrap();
        let mut out = Ingested::default();
        read_json(&mut out, "f.json", "f", text, &fields);
        assert_eq!(out.documents.len(), 1);
        assert_eq!(out.documents[0].text, "A");
        assert_eq!(out.documents[0].meta.id, "http://x/1");
        assert!(fields.set("body").is_err());
        assert!(fields.set("words=x").is_err());
        assert!(fields.set("text=").is_err());
    }

    #[test]
    fn regression_ids_kept_as_written_and_text_of_the_wrong_type_named() {
        let text = "{\"id\": 18446744073709551616, \"text\": \"Body one.\"}\n\
                    {\"id\": \"007\", \"text\": 12345}\n";
        let mut out = Ingested::default();
        read_jsonl(&mut out, "f.jsonl", "f", text, &Fields::default());
        assert_eq!(out.documents.len(), 1);
        assert_eq!(out.documents[0].meta.id, "18446744073709551616");
        assert_eq!(out.skipped.len(), 1);
        let reason = &out.skipped[0].reason;
        assert!(
            reason.contains("\"text\"") && reason.contains("a number"),
            "{reason}"
        );
    }

    #[test]
    fn malformed_json_is_skipped_with_the_reason() {
        let mut out = Ingested::default();
        read_json(&mut out, "f.json", "f", "[{\"text\": ", &Fields::default());
        assert!(out.documents.is_empty());
        assert!(out.skipped[0].reason.contains("malformed JSON"));
        let mut out = Ingested::default();
        read_json(
            &mut out,
            "f.json",
            "f",
            "\"just a string\"",
            &Fields::default(),
        );
        assert!(out.skipped[0].reason.contains("neither"));
    }

    #[test]
    fn json_arrays_are_read_record_by_record_and_a_broken_tail_keeps_the_head() {
        let mut out = Ingested::default();
        let text = r#"[{"text": "One. Two."}, 7, {"text": "Three."}, {"text": "Four"#;
        read_json(&mut out, "f.json", "f", text, &Fields::default());
        let ids: Vec<&str> = out.documents.iter().map(|d| d.meta.id.as_str()).collect();
        assert_eq!(ids, ["f#0", "f#2"]);
        assert_eq!(out.skipped.len(), 2, "{:?}", out.skipped);
        assert_eq!(out.skipped[0].path, "f.json#1");
        assert!(
            out.skipped[1].reason.contains("after record 3"),
            "{:?}",
            out.skipped
        );
        // Ids keep their digits as written (arbitrary precision) inside streamed records.
        let mut out = Ingested::default();
        let text = r#"[{"id": 12345678901234567890123, "text": "A storm closed the bridge."}]"#;
        read_json(&mut out, "f.json", "f", text, &Fields::default());
        assert_eq!(out.documents[0].meta.id, "12345678901234567890123");
        // Trailing garbage after the array is reported.
        let mut out = Ingested::default();
        read_json(
            &mut out,
            "f.json",
            "f",
            r#"[{"text": "A."}] x"#,
            &Fields::default(),
        );
        assert_eq!(out.documents.len(), 1);
        assert!(out.skipped[0].reason.contains("malformed JSON"));
    }
}
