//! The progress bar of a long run, drawn from the library's [`Progress`] reports: on standard
//! error only, only when it is a terminal and `-q` was not given, and only once the run has
//! taken a second (a quick run never flashes a bar). Each stage shows its name; a stage that
//! counts its work shows a bar, one that does not a spinner, and both the time taken.

use std::borrow::Cow;
use std::io::{self, IsTerminal};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use briefing::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before its bar is shown.
const DELAY: Duration = Duration::from_secs(1);
/// How often a shown bar is redrawn between reports (the spinner and the time move).
const TICK: Duration = Duration::from_millis(120);

/// A run's progress bar.
pub struct Bar {
    bar: ProgressBar,
    /// The template in use, to change it only when the stage does.
    style: String,
    /// Wakes the thread that shows the bar, so that a run done within [`DELAY`] never shows it.
    stop: Option<mpsc::Sender<()>>,
    shower: Option<thread::JoinHandle<()>>,
}

impl Bar {
    /// A bar for this run; never drawn when `quiet` or standard error is not a terminal.
    pub fn new(quiet: bool) -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let mut this = Bar {
            bar,
            style: String::new(),
            stop: None,
            shower: None,
        };
        if quiet || !io::stderr().is_terminal() {
            return this;
        }
        // Until the first report: reading has begun.
        this.update(Progress::Reading { done: 0, total: 0 });
        let (tx, rx) = mpsc::channel::<()>();
        let shown = this.bar.clone();
        this.shower = Some(thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(DELAY) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(TICK);
            }
        }));
        this.stop = Some(tx);
        this
    }

    /// Shows a report: the stage's name and step, and how far it is when it counts.
    pub fn update(&mut self, p: Progress) {
        let (prefix, step, unit, done, total) = match p {
            Progress::Reading { done, total } => ("reading", "", "bytes", done, total),
            Progress::Grouping { step, done, total } => (
                "grouping stories",
                step.label(),
                "articles",
                done as u64,
                total as u64,
            ),
            Progress::Ranking { step, done, total } => (
                "ranking sentences",
                step.label(),
                "sentences",
                done as u64,
                total as u64,
            ),
            Progress::Briefing { done, total } => {
                ("briefing stories", "", "stories", done as u64, total as u64)
            }
            // A stage this binary does not know: the bar stays as it is.
            _ => return,
        };
        // Each setter may draw a frame. A stage that counts gets its counts before its name
        // and style, so that its name is never drawn beside the counts of the stage before;
        // one that does not gets its spinner first, so that no bar is drawn for it.
        let counted = total > 0;
        if counted {
            self.bar.set_length(total);
            self.bar.set_position(done);
        } else {
            self.restyle(template(step.is_empty(), unit, counted));
        }
        self.bar.set_prefix(prefix);
        self.bar.set_message(Cow::Borrowed(step));
        if counted {
            self.restyle(template(step.is_empty(), unit, counted));
        } else {
            self.bar.set_length(total);
            self.bar.set_position(done);
        }
    }

    /// Changes the template, when it is another.
    fn restyle(&mut self, style: String) {
        if style != self.style {
            self.bar.set_style(
                ProgressStyle::with_template(&style)
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            self.style = style;
        }
    }

    /// Runs `f` (which writes to standard error) with the bar taken off the screen.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Clears the bar for good (call before printing anything else on standard error).
    pub fn finish(mut self) {
        drop(self.stop.take());
        if let Some(shower) = self.shower.take() {
            let _ = shower.join();
        }
        self.bar.finish_and_clear();
    }
}

/// `--stats` of `summarize`: how long each stage took, from the same reports the bar shows
/// (a stage ends when the next one is reported), and the peak memory of the process when it
/// ended (where the system says: `VmHWM` on Linux).
#[derive(Debug)]
pub struct StageClock {
    /// The stage under way and when it began.
    current: Option<(&'static str, Instant)>,
    /// Stages done: name, time taken, peak resident bytes when it ended.
    pub done: Vec<(&'static str, Duration, Option<u64>)>,
}

impl StageClock {
    /// A clock started now, on reading (every run begins there, before its first report).
    pub fn new() -> StageClock {
        StageClock {
            current: Some((READING, Instant::now())),
            done: Vec::new(),
        }
    }

    /// Takes a report; a report of another stage ends the one under way.
    pub fn update(&mut self, p: Progress) {
        let stage = match p {
            Progress::Reading { .. } => READING,
            Progress::Ranking { step, .. } => step.label(),
            // `digest` times its stages in the library (`Timings`).
            _ => return,
        };
        if self.current.map(|c| c.0) != Some(stage) {
            self.end();
            self.current = Some((stage, Instant::now()));
        }
    }

    /// Ends the stage under way (the run is over).
    pub fn end(&mut self) {
        if let Some((stage, began)) = self.current.take() {
            self.done.push((stage, began.elapsed(), peak_resident()));
        }
    }
}

/// The name of the reading stage.
const READING: &str = "read, clean, split";

/// The process's peak resident memory so far, in bytes (Linux: `VmHWM` of `/proc/self/status`).
fn peak_resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The indicatif template of a stage: with or without a step name, a bar of `unit` when the
/// stage counts its work, else a spinner.
fn template(no_step: bool, unit: &str, counted: bool) -> String {
    let name = if no_step {
        "{prefix}"
    } else {
        "{prefix}: {msg}"
    };
    match (counted, unit) {
        (true, "bytes") => format!("{name} {{bar:40}} {{bytes}}/{{total_bytes}} {{elapsed}}"),
        (true, _) => format!("{name} {{bar:40}} {{pos}}/{{len}} {unit} {{elapsed}}"),
        (false, "bytes") => format!("{{spinner}} {name} {{bytes}} {{elapsed}}"),
        (false, _) => format!("{{spinner}} {name} {{elapsed}}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses() {
        for no_step in [true, false] {
            for unit in ["bytes", "articles"] {
                for counted in [true, false] {
                    let t = template(no_step, unit, counted);
                    assert!(ProgressStyle::with_template(&t).is_ok(), "{t}");
                }
            }
        }
        assert_eq!(
            template(false, "articles", true),
            "{prefix}: {msg} {bar:40} {pos}/{len} articles {elapsed}"
        );
    }

    #[test]
    fn a_stage_clock_ends_a_stage_when_the_next_is_reported() {
        use briefing::RankStep;
        let mut clock = StageClock::new();
        clock.update(Progress::Reading { done: 0, total: 9 });
        clock.update(Progress::Reading { done: 9, total: 9 });
        for step in [RankStep::Terms, RankStep::Terms, RankStep::Graph] {
            clock.update(Progress::Ranking {
                step,
                done: 0,
                total: 0,
            });
        }
        clock.end();
        clock.end();
        let stages: Vec<&str> = clock.done.iter().map(|d| d.0).collect();
        assert_eq!(
            stages,
            ["read, clean, split", "reading terms", "comparing sentences"]
        );
        if cfg!(target_os = "linux") {
            assert!(clock.done.iter().all(|d| d.2.is_some_and(|b| b > 0)));
        }
    }

    #[test]
    fn a_hidden_bar_takes_every_report() {
        let mut bar = Bar::new(true);
        bar.update(Progress::Reading { done: 1, total: 2 });
        bar.update(Progress::Briefing { done: 0, total: 3 });
        assert_eq!(bar.bar.length(), Some(3));
        bar.finish();
    }
}
