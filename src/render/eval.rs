//! ROUGE tables for `briefing eval`: text (percentages, two decimals) or JSON (fractions).

use std::io::{self, Write};

use crate::eval::pairs::Evaluation;
use crate::eval::rouge::{Averaged, Averages, Limit, ScoreMode, Scores, Tokenizer};

fn recalls(s: &Scores) -> [f64; 4] {
    [s.rouge_1, s.rouge_2, s.rouge_l, s.rouge_su4].map(|p| p.recall * 100.0)
}

fn measures(a: &Averages) -> [(&'static str, Averaged); 4] {
    [
        ("ROUGE-1", a.rouge_1),
        ("ROUGE-2", a.rouge_2),
        ("ROUGE-L", a.rouge_l),
        ("ROUGE-SU4", a.rouge_su4),
    ]
}

/// Writes an evaluation; `per_cluster` adds one line of recalls per cluster.
pub fn render_eval(
    e: &Evaluation,
    json: bool,
    per_cluster: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if json {
        return super::json::write(e, out);
    }
    let o = &e.options;
    let limit = match o.limit {
        Limit::None => "whole summaries".to_owned(),
        Limit::Words(n) => format!("first {n} words"),
        Limit::Bytes(n) => format!("first {n} bytes"),
    };
    writeln!(
        out,
        "ROUGE over {} cluster{} ({} tokens, {}, {}, {}, alpha {})",
        e.clusters.len(),
        if e.clusters.len() == 1 { "" } else { "s" },
        match o.tokenizer {
            Tokenizer::Unicode => "unicode",
            Tokenizer::Rouge155 => "ROUGE-1.5.5",
        },
        if o.stem { "stemmed" } else { "not stemmed" },
        match o.mode {
            ScoreMode::Average => "-f A",
            ScoreMode::Best => "-f B",
        },
        limit,
        o.alpha
    )?;
    writeln!(
        out,
        "{:<10} {:>7} {:>15} {:>9} {:>7}",
        "", "recall", "95% CI", "precision", "F"
    )?;
    for (name, p) in measures(&e.average) {
        writeln!(
            out,
            "{:<10} {:>7.2} {:>15} {:>9.2} {:>7.2}",
            name,
            p.recall * 100.0,
            format!("{:.2}-{:.2}", p.recall_ci.0 * 100.0, p.recall_ci.1 * 100.0),
            p.precision * 100.0,
            p.f * 100.0
        )?;
    }
    if per_cluster {
        writeln!(out)?;
        writeln!(
            out,
            "{:<28} {:>4} {:>7} {:>7} {:>7} {:>9}",
            "cluster (recall)", "refs", "R-1", "R-2", "R-L", "R-SU4"
        )?;
        for c in &e.clusters {
            let r = recalls(&c.scores);
            writeln!(
                out,
                "{:<28} {:>4} {:>7.2} {:>7.2} {:>7.2} {:>9.2}",
                c.name, c.references, r[0], r[1], r[2], r[3]
            )?;
        }
    }
    for u in &e.unmatched {
        writeln!(out, "no reference for: {u}")?;
    }
    for s in &e.skipped {
        writeln!(out, "skipped: {}: {}", s.path, s.reason)?;
    }
    out.flush()
}

/// Writes several systems' evaluations on one dataset side by side (recall, with the 95%
/// confidence interval of ROUGE-2), or as JSON `{"systems": [{"name", ...evaluation}]}`.
pub fn render_systems(
    systems: &[(String, Evaluation)],
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if json {
        let list: Vec<serde_json::Value> = systems
            .iter()
            .map(|(name, e)| {
                let mut v = serde_json::to_value(e).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    o.insert("name".into(), name.clone().into());
                }
                v
            })
            .collect();
        return super::json::write(&serde_json::json!({ "systems": list }), out);
    }
    if let Some((_, first)) = systems.first() {
        writeln!(
            out,
            "{} clusters; ROUGE recall in percent",
            first.clusters.len()
        )?;
    }
    writeln!(
        out,
        "{:<12} {:>7} {:>7} {:>15} {:>7} {:>9}",
        "system", "R-1", "R-2", "R-2 95% CI", "R-L", "R-SU4"
    )?;
    for (name, e) in systems {
        let a = &e.average;
        writeln!(
            out,
            "{:<12} {:>7.2} {:>7.2} {:>15} {:>7.2} {:>9.2}",
            name,
            a.rouge_1.recall * 100.0,
            a.rouge_2.recall * 100.0,
            format!(
                "{:.2}-{:.2}",
                a.rouge_2.recall_ci.0 * 100.0,
                a.rouge_2.recall_ci.1 * 100.0
            ),
            a.rouge_l.recall * 100.0,
            a.rouge_su4.recall * 100.0
        )?;
    }
    out.flush()
}
