//! Runs a parsed command line: arguments -> the library's config, the library's work, output.

use std::io::{self, IsTerminal};
use std::time::Instant;

use anyhow::Context;
use briefing::eval::{dataset, pairs, rouge};
use briefing::render::{self, email::Envelope};

use briefing::{Config, Error, Format, Summarizer};

use super::args::{Cli, Command, DigestArgs, EmailArgs, EvalArgs, GenerateArgs, SummarizeArgs};
use super::output::{emit, report_skipped};
use super::progress::{Bar, StageClock};

/// Runs one command.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Summarize(args) => summarize(&args),
        Command::Digest(args) => digest(&args),
        Command::Split(args) => {
            let summarizer = Summarizer::new(args.input.config()?)?;
            let corpus = summarizer.read(&args.input.paths, &mut |_| {})?;
            report_skipped(&args.input, &corpus.skipped)?;
            if corpus.documents.is_empty() {
                return Err(Error::NoDocuments {
                    skipped: corpus.skipped,
                }
                .into());
            }
            emit(args.input.output.as_deref(), |out| {
                render::render_split(&corpus, args.format, out)
            })
        }
        Command::Eval(args) => eval(&args),
        Command::Generate(args) => generate(&args),
    }
}

/// The envelope for `--format email` (a usage error when it cannot be made), else `None`.
/// A `--date` that is not a date is a usage error in every format, not only where it is used.
fn envelope(format: Format, args: &EmailArgs) -> anyhow::Result<Option<Envelope>> {
    if format != Format::Email {
        return super::email::check_date(args)
            .map(|()| None)
            .map_err(|e| Error::Config(e).into());
    }
    super::email::envelope(args)
        .map(Some)
        .map_err(|e| Error::Config(e).into())
}

fn summarize(args: &SummarizeArgs) -> anyhow::Result<()> {
    let config = args.brief.config()?.with_explain(args.explain);
    let budget = args.budget.budget();
    budget.validate()?;
    let summarizer = Summarizer::new(config)?;
    let envelope = envelope(args.brief.format, &args.brief.email)?;
    let started = Instant::now();
    let mut bar = Bar::new(args.brief.input.quiet);
    let mut clock = StageClock::new();
    let mut run = || -> anyhow::Result<_> {
        let mut progress = |p| {
            clock.update(p);
            bar.update(p)
        };
        let corpus = summarizer.read(&args.brief.input.paths, &mut progress)?;
        bar.suspend(|| report_skipped(&args.brief.input, &corpus.skipped))?;
        let mut progress = |p| {
            clock.update(p);
            bar.update(p)
        };
        let briefing = summarizer.summarize_corpus_with_progress(&corpus, budget, &mut progress)?;
        Ok((briefing, corpus.documents.len(), corpus.sentences.len()))
    };
    let run = run();
    bar.finish();
    let (briefing, articles, sentences) = run?;
    clock.end();
    let rendered = Instant::now();
    emit(args.brief.input.output.as_deref(), |out| match &envelope {
        Some(e) => render::render_email(&briefing, e, out),
        None => render::render(&briefing, args.brief.format, out),
    })?;
    if args.stats {
        clock.done.push(("render", rendered.elapsed(), None));
        for (stage, took, peak) in &clock.done {
            let peak = peak.map_or(String::new(), |b| format!(", peak {} MB", b >> 20));
            stat(stage, *took, &peak);
        }
        let counts = format!(" ({articles} articles, {sentences} sentences)");
        stat("total", started.elapsed(), &counts);
    }
    Ok(())
}

/// Runs `briefing digest`: a progress bar on a terminal once the run has taken a second,
/// `--stats` timings on standard error.
fn digest(args: &DigestArgs) -> anyhow::Result<()> {
    let summarizer = Summarizer::new(args.config()?)?;
    let opts = args.options();
    opts.validate()?;
    let envelope = envelope(args.brief.format, &args.brief.email)?;
    let since = match &args.since {
        None => None,
        Some(path) => Some(summarizer.read_since(path).context("--since")?),
    };
    let started = Instant::now();
    let mut bar = Bar::new(args.brief.input.quiet);
    let run = summarizer.digest_paths(&args.brief.input.paths, &opts, since.as_ref(), &mut |p| {
        bar.update(p)
    });
    bar.finish();
    let (digest, mut timings) = run?;
    report_skipped(&args.brief.input, &digest.skipped)?;
    let clock = Instant::now();
    emit(args.brief.input.output.as_deref(), |out| match &envelope {
        Some(e) => render::render_digest_email(&digest, e, out),
        None => render::render_digest(&digest, args.brief.format, out),
    })?;
    timings.add("render", clock.elapsed());
    if args.stats {
        for (stage, took) in &timings.0 {
            stat(stage, *took, "");
        }
        let counts = format!(
            " ({} articles, {} stories)",
            digest.articles, digest.story_count
        );
        stat("total", started.elapsed(), &counts);
    }
    Ok(())
}

/// One `--stats` line on standard error: a stage, its time, and what follows.
fn stat(stage: &str, took: std::time::Duration, after: &str) {
    eprintln!(
        "briefing: stats: {stage:<20} {:>9.3} s{after}",
        took.as_secs_f64()
    );
}

/// The ROUGE options of `briefing eval`.
fn rouge_options(args: &EvalArgs) -> rouge::Options {
    use rouge::{Limit, ScoreMode};
    let default_words = args.dataset.and_then(|d| d.default_words());
    rouge::Options {
        stem: !args.no_stem,
        limit: match (args.words, args.bytes, args.budget, default_words) {
            (Some(n), _, _, _) => Limit::Words(n),
            (_, Some(n), _, _) => Limit::Bytes(n),
            (_, _, Some(_), _) => Limit::None,
            (_, _, _, Some(n)) => Limit::Words(n),
            _ => Limit::None,
        },
        alpha: args.alpha,
        mode: if args.best {
            ScoreMode::Best
        } else {
            ScoreMode::Average
        },
        tokenizer: args.tokenizer,
    }
}

fn eval(args: &EvalArgs) -> anyhow::Result<()> {
    if let Some(pile) = &args.stories {
        let mut config = args.method.apply(Config::default());
        config.threads = args.threads;
        let mut opts = briefing::DigestOptions::default();
        opts.link = args.link;
        opts.window_days = args.window;
        opts.validate()?;
        let evaluation = briefing::eval::stories::evaluate_pile(pile, config, &opts)?;
        let json = args.format == "json";
        return emit(args.output.as_deref(), |out| {
            briefing::eval::stories::render(&evaluation, json, args.per_cluster, out)
        });
    }
    let opts = rouge_options(args);
    opts.validate()?;
    let json = args.format == "json";
    if let (Some(layout), Some(path)) = (args.dataset, &args.path) {
        let words = args.words.or(args.budget).or(layout.default_words());
        let clusters = dataset::load(layout, path, words.unwrap_or(100), args.task)?;
        let bar = if args.quiet || !io::stderr().is_terminal() {
            indicatif::ProgressBar::hidden()
        } else {
            indicatif::ProgressBar::new(clusters.len() as u64)
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} clusters {elapsed} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        let mut config = args.method.apply(Config::default());
        config.threads = args.threads;
        let systems = dataset::evaluate(&clusters, words, &config, &opts, |name| {
            bar.set_message(name.to_owned());
            bar.inc(1);
        })?;
        bar.finish_and_clear();
        return emit(args.output.as_deref(), |out| {
            render::render_systems(&systems, json, out)
        });
    }
    let (Some(summaries), Some(references)) = (&args.summaries, &args.references) else {
        return Err(Error::Config("give --summaries and --references, or --dataset".into()).into());
    };
    let evaluation = pairs::evaluate_dirs(summaries, references, &opts)?;
    super::output::warn(false, &evaluation.skipped);
    emit(args.output.as_deref(), |out| {
        render::render_eval(&evaluation, json, args.per_cluster, out)
    })
}

/// `briefing generate`: the man page or a completion script, from the clap definitions.
fn generate(args: &GenerateArgs) -> anyhow::Result<()> {
    use clap::CommandFactory;
    use clap_complete::Shell;
    let mut cmd = Cli::command();
    emit(None, |out| match args.what.as_str() {
        "man" => clap_mangen::Man::new(cmd).render(out),
        shell => {
            let shell = match shell {
                "bash" => Shell::Bash,
                "zsh" => Shell::Zsh,
                "fish" => Shell::Fish,
                "elvish" => Shell::Elvish,
                _ => Shell::PowerShell,
            };
            clap_complete::generate(shell, &mut cmd, "briefing", out);
            Ok(())
        }
    })
}
