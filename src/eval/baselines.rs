//! Baselines every evaluation reports beside us, on our cleaned and split articles: [`lead`],
//! the first sentences of the newest article, and [`lead_rr`], the first sentence of every
//! article, then the second of every article, and so on (articles in date order). When ROUGE
//! truncates at the budget (DUC, `-l`), they take sentences until the budget is reached, the
//! last one whole, as DUC's baseline does; otherwise (EASC) only sentences that fit.

use crate::corpus::{Corpus, SentId};

/// Articles in date order (undated last, then corpus order): the order baselines read them.
fn by_date(corpus: &Corpus) -> Vec<usize> {
    let mut docs: Vec<usize> = (0..corpus.documents.len()).collect();
    docs.sort_by_key(|&d| {
        (
            corpus.documents[d].meta.date.is_none(),
            corpus.documents[d].meta.date.clone(),
            d,
        )
    });
    docs
}

/// Sentences in `order` up to `words` words: with `overflow` the last one may pass the budget
/// (for evaluations where ROUGE truncates at the budget, as DUC's baseline does), without it
/// sentences that do not fit are skipped.
fn take_until(
    corpus: &Corpus,
    order: impl Iterator<Item = SentId>,
    words: usize,
    overflow: bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut used = 0;
    for s in order {
        if used >= words {
            break;
        }
        let text = corpus.display(s);
        let n = text.split_whitespace().count();
        if !overflow && used + n > words {
            continue;
        }
        used += n;
        out.push(text);
    }
    out
}

/// First sentences of the newest article, up to `words` words (see `take_until` for `overflow`).
pub fn lead(corpus: &Corpus, words: usize, overflow: bool) -> Vec<String> {
    let Some(&newest) = by_date(corpus).last() else {
        return Vec::new();
    };
    let ids: Vec<SentId> = corpus
        .sentences_of(crate::corpus::DocId(newest as u32))
        .collect();
    take_until(corpus, ids.into_iter(), words, overflow)
}

/// Round-robin first sentences of every article (date order), up to `words` words.
pub fn lead_rr(corpus: &Corpus, words: usize, overflow: bool) -> Vec<String> {
    let per_doc: Vec<Vec<SentId>> = by_date(corpus)
        .into_iter()
        .map(|d| {
            corpus
                .sentences_of(crate::corpus::DocId(d as u32))
                .collect()
        })
        .collect();
    let longest = per_doc.iter().map(Vec::len).max().unwrap_or(0);
    let order = (0..longest).flat_map(|i| per_doc.iter().filter_map(move |d| d.get(i).copied()));
    take_until(corpus, order, words, overflow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::RawDocument;

    fn corpus() -> Corpus {
        let doc = |name: &str, date: &str, text: &str| {
            let mut d = RawDocument::new(name, text);
            d.meta.date = Some(date.into());
            d
        };
        let s =
            crate::Summarizer::new(crate::Config::default().with_threads(1)).expect("valid config");
        s.corpus(vec![
            doc(
                "new",
                "2001-01-02",
                "New one here. New two here. New three here.",
            ),
            doc("old", "2001-01-01", "Old one here. Old two here."),
        ])
    }

    #[test]
    fn lead_reads_the_newest_article_and_keeps_the_last_sentence_whole() {
        assert_eq!(
            lead(&corpus(), 4, true),
            vec!["New one here.", "New two here."]
        );
        assert_eq!(lead(&corpus(), 4, false), vec!["New one here."]);
    }

    #[test]
    fn lead_rr_goes_round_the_articles_in_date_order() {
        assert_eq!(
            lead_rr(&corpus(), 9, true),
            vec!["Old one here.", "New one here.", "Old two here."]
        );
    }
}
