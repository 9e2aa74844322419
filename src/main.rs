//! The `briefing` binary: parse arguments, run the library, map errors to exit codes
//! (0 ok, 1 failure, 2 bad usage or input). A closed standard output is not an error.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Parser;

use briefing::{Error, Progress, Skipped, Summarizer, render};
use cli::{Cli, Command, InputArgs};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("briefing: error: {e:#}");
            let usage = e.downcast_ref::<Error>().is_some_and(Error::is_usage);
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Summarize(args) => {
            let summarizer = Summarizer::new(args.config()?)?;
            let (corpus, skipped) = summarizer.read(&args.input.paths, &mut |_| {})?;
            warn(&args.input, &skipped);
            let envelope = email_envelope(args.format, &args.email)?;
            let briefing = summarizer.summarize_corpus(&corpus, skipped)?;
            emit(args.input.output.as_deref(), |out| match &envelope {
                Some(e) => render::render_email(&briefing, e, out),
                None => render::render(&briefing, args.format(), out),
            })
        }
        Command::Digest(args) => digest(&args),
        Command::Eval(args) => {
            let opts = args.options();
            opts.validate()?;
            let json = args.format == cli::EvalFormatArg::Json;
            if let (Some(kind), Some(path)) = (args.dataset, &args.path) {
                let systems = eval_dataset(&args, kind, path, &opts)?;
                return emit(args.output.as_deref(), |out| {
                    render::render_systems(&systems, json, out)
                });
            }
            let (Some(summaries), Some(references)) = (&args.summaries, &args.references) else {
                return Err(Error::Config(
                    "give --summaries and --references, or --dataset".into(),
                )
                .into());
            };
            let evaluation = briefing::rouge::pairs::evaluate_dirs(summaries, references, &opts)?;
            emit(args.output.as_deref(), |out| {
                render::render_eval(&evaluation, json, args.per_cluster, out)
            })
        }
        Command::Split(args) => {
            let summarizer = Summarizer::new(args.input.config()?)?;
            let (corpus, skipped) = summarizer.read(&args.input.paths, &mut |_| {})?;
            warn(&args.input, &skipped);
            if corpus.documents.is_empty() {
                return Err(Error::NoDocuments { skipped }.into());
            }
            emit(args.input.output.as_deref(), |out| {
                render::render_split(&corpus, args.format(), out)
            })
        }
    }
}

/// Runs `briefing digest`: a progress bar on a terminal once the run has taken a second,
/// `--stats` timings on standard error.
fn digest(args: &cli::DigestArgs) -> anyhow::Result<()> {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let summarizer = Summarizer::new(args.config()?)?;
    let envelope = email_envelope(args.format, &args.email)?;
    let since = match &args.since {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Input {
                path: path.clone(),
                source,
            })?;
            let sent = briefing::since::Sent::from_json(&text, &Default::default())
                .map_err(|e| Error::Config(format!("--since {}: {e}", path.display())))?;
            Some(sent)
        }
    };
    let started = Instant::now();
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    let show = !args.input.quiet && io::stderr().is_terminal();
    let mut shown = false;
    let mut stage = "";
    let mut progress = |p: Progress| {
        if show && !shown && started.elapsed() >= Duration::from_secs(1) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            shown = true;
        }
        let (name, done, total, style) = match p {
            Progress::Reading { done, total } => (
                "reading",
                done,
                total,
                "{bar:40} {bytes}/{total_bytes} read {elapsed}",
            ),
            Progress::Briefing { done, total } => (
                "briefing",
                done as u64,
                total as u64,
                "{bar:40} {pos}/{len} stories briefed {elapsed}",
            ),
        };
        if stage != name {
            stage = name;
            bar.set_style(
                ProgressStyle::with_template(style)
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
        }
        bar.set_length(total);
        bar.set_position(done);
    };
    let (digest, mut timings) = summarizer.digest_paths(
        &args.input.paths,
        &args.options(),
        since.as_ref(),
        &mut progress,
    )?;
    bar.finish_and_clear();
    warn(&args.input, &digest.skipped);
    let clock = Instant::now();
    emit(args.input.output.as_deref(), |out| match &envelope {
        Some(e) => render::render_digest_email(&digest, e, out),
        None => render::render_digest(&digest, args.format(), out),
    })?;
    timings.add("render", clock.elapsed());
    if args.stats {
        for (stage, took) in &timings.0 {
            eprintln!("briefing: stats: {stage:<20} {:>9.3} s", took.as_secs_f64());
        }
        eprintln!(
            "briefing: stats: {:<20} {:>9.3} s ({} articles, {} stories)",
            "total",
            started.elapsed().as_secs_f64(),
            digest.articles,
            digest.story_count
        );
    }
    Ok(())
}

/// Runs `briefing eval --dataset`, with a progress bar when standard error is a terminal.
fn eval_dataset(
    args: &cli::EvalArgs,
    kind: cli::DatasetArg,
    path: &Path,
    opts: &briefing::rouge::Options,
) -> anyhow::Result<Vec<(String, briefing::rouge::pairs::Evaluation)>> {
    use briefing::dataset::{self, Layout};
    let layout = match kind {
        cli::DatasetArg::Duc => Layout::Duc,
        cli::DatasetArg::Multiling => Layout::Multiling,
    };
    let words = args.dataset_words(kind);
    let clusters = dataset::load(layout, path, words.unwrap_or(100), args.task)?;
    let bar = if args.quiet || !io::stderr().is_terminal() {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(clusters.len() as u64)
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} clusters {elapsed} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let config = args.summarizer_config();
    let systems = dataset::evaluate(&clusters, words, &config, opts, |name| {
        bar.set_message(name.to_owned());
        bar.inc(1);
    })?;
    bar.finish_and_clear();
    Ok(systems)
}

/// The envelope for `--format email` (a usage error when it cannot be made), else `None`.
fn email_envelope(
    format: cli::FormatArg,
    args: &cli::EmailArgs,
) -> anyhow::Result<Option<briefing::render::email::Envelope>> {
    if format != cli::FormatArg::Email {
        return Ok(None);
    }
    args.envelope()
        .map(Some)
        .map_err(|e| Error::Config(e).into())
}

fn warn(args: &InputArgs, skipped: &[Skipped]) {
    if args.quiet {
        return;
    }
    for s in skipped {
        eprintln!("briefing: warning: skipped {}: {}", s.path, s.reason);
    }
}

/// Writes to standard output, or to `--output` through a temporary file renamed into place, so
/// that a failed run never leaves a partial file.
fn emit(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    match output {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            write(&mut out).map_err(Error::Output)?;
            Ok(())
        }
        Some(path) => write_atomically(path, write),
    }
}

fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().context("--output names no file")?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> io::Result<()> {
        let file = std::fs::File::create(&tmp)?;
        let mut out = io::BufWriter::new(file);
        write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Output(e)).with_context(|| format!("writing {}", path.display()));
    }
    Ok(())
}
