//! Reading order: the chosen sentences as a reader should meet them.
//!
//! Contract: [`reading_order`] orders the chosen sentences for reading: by article date (dated
//! before undated, oldest first), then by relative position in the article (`index / count`),
//! so that leads come before details whichever article they are from, then by article and
//! position.

use crate::corpus::{Corpus, SentId};

/// Orders sentences for reading: by article date (dated first, oldest first), then by relative
/// position in the article (a lead before a closing remark, whichever article they come
/// from), then by article and position.
pub fn reading_order(corpus: &Corpus, ids: &mut [SentId]) {
    let counts = corpus.sentence_counts();
    ids.sort_by(|&a, &b| {
        let key = |s: SentId| {
            let sent = &corpus.sentences[s.index()];
            let date = corpus.documents[sent.doc.index()].meta.date.as_deref();
            let relative = f64::from(sent.index) / counts[sent.doc.index()].max(1) as f64;
            (
                date.is_none(),
                date.unwrap_or(""),
                relative,
                sent.doc,
                sent.index,
            )
        };
        let (ka, kb) = (key(a), key(b));
        (ka.0, ka.1)
            .cmp(&(kb.0, kb.1))
            .then(ka.2.total_cmp(&kb.2))
            .then((ka.3, ka.4).cmp(&(kb.3, kb.4)))
    });
}
