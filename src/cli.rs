//! Command-line arguments (binary only): clap types, turned into a library `Config` here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use briefing::{Budget, Config, Format, Language, Method, Weights, render::SplitFormat};

/// Multi-document extractive briefings of news articles, in Arabic and English.
#[derive(Parser, Debug)]
#[command(name = "briefing", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Write one briefing of a cluster of related articles.
    ///
    /// PATH may be a file, a folder (read recursively, hidden files skipped), `-` for standard
    /// input, or a `.jsonl` file with one article per line ({"id","title","text","source",
    /// "url","published"}, only "text" required). Exit codes: 0 ok, 1 failure, 2 bad usage or
    /// no usable input.
    Summarize(SummarizeArgs),
    /// Group a large, mixed collection into stories and brief the best-ranked ones.
    ///
    /// PATH as for summarize, plus `.json` files holding an array of articles (such as
    /// SaudiNewsNet's). Articles are grouped into stories (same event, different outlets)
    /// through an inverted index of their TF-IDF vectors, never by comparing all pairs;
    /// stories are ranked by outlets, articles and recency, and the best --stories are each
    /// briefed in --words words.
    Digest(DigestArgs),
    /// Print each article's cleaned sentences in order, one per line.
    Split(SplitArgs),
    /// Score summaries against human references with ROUGE-1, -2, -L and -SU4.
    ///
    /// Either --summaries DIR --references DIR, or --dataset duc|multiling PATH, which runs the
    /// summarizer on every cluster of a dataset and prints its scores beside the lead and
    /// lead-rr baselines computed in the same run. DUC layout: cluster folders `dNNNNNx/` of
    /// SGML articles and model summaries `DNNNNN.M.<words>.X.*` anywhere below PATH. MultiLing
    /// layout: PATH/source/<cluster>/ plain-text articles, PATH/models/ references.
    ///
    /// Each file in --summaries is one summary (one sentence per line, or the JSON of
    /// `briefing summarize --format json`); its name without .txt/.spl/.json is its cluster.
    /// Its references are the files in REFERENCES/<cluster>/, or else the files in REFERENCES
    /// named <cluster>.* or <cluster>_* (case-insensitive). Figures follow ROUGE-1.5.5
    /// (-n 2 -2 4 -u -m -f A -p 0.5 by default); --tokenizer rouge155 reproduces its ASCII-only
    /// tokens exactly, the default keeps letters of every script.
    Eval(EvalArgs),
}

/// `briefing eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Folder of summaries, one file per cluster.
    #[arg(
        long,
        value_name = "DIR",
        required_unless_present = "dataset",
        requires = "references"
    )]
    pub summaries: Option<PathBuf>,
    /// Folder of references (see above for how they are matched).
    #[arg(long, value_name = "DIR", requires = "summaries")]
    pub references: Option<PathBuf>,
    /// Run the summarizer over a whole dataset of this layout, found at PATH.
    #[arg(long, value_enum, requires = "path", conflicts_with = "summaries")]
    pub dataset: Option<DatasetArg>,
    /// The dataset's folder (with --dataset).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// With --dataset duc: only the clusters of this task letter (`t`: DUC 2003 task 2).
    #[arg(long, value_name = "LETTER")]
    pub task: Option<char>,
    /// With --dataset: how the summarizer chooses sentences.
    #[command(flatten)]
    pub selection: MethodArgs,
    /// With --dataset: worker threads of the summarizer.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// With --dataset: no progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Score only the first N words of every summary (ROUGE -l N).
    #[arg(long, value_name = "N", group = "limit")]
    pub words: Option<usize>,
    /// Score only the first N bytes of every summary (ROUGE -b N).
    #[arg(long, value_name = "N", group = "limit")]
    pub bytes: Option<usize>,
    /// With --dataset: brief in N words but score whole summaries and references (no -l; for
    /// references longer than the budget, which -l would cut too).
    #[arg(long, value_name = "N", group = "limit", requires = "dataset")]
    pub budget: Option<usize>,
    /// Do not stem (ROUGE without -m).
    #[arg(long)]
    pub no_stem: bool,
    /// Weight of recall in F (ROUGE -p).
    #[arg(long, value_name = "A", default_value_t = 0.5)]
    pub alpha: f64,
    /// Score against the best reference only (ROUGE -f B) instead of all (-f A).
    #[arg(long)]
    pub best: bool,
    /// Tokenizer: every script, folded (unicode), or ROUGE-1.5.5's ASCII-only (rouge155).
    #[arg(long, value_enum, default_value_t = TokenizerArg::Unicode)]
    pub tokenizer: TokenizerArg,
    /// Add a line per cluster.
    #[arg(long)]
    pub per_cluster: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormatArg::Text)]
    pub format: EvalFormatArg,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--dataset` of eval.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum DatasetArg {
    /// NIST DUC 2003/2004 layout.
    Duc,
    /// Plain-text sources and model summaries (MultiLing-style).
    Multiling,
}

/// `--tokenizer` of eval.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum TokenizerArg {
    /// Letters and digits of every script, folded like the pipeline's keys.
    Unicode,
    /// ROUGE-1.5.5's tokens: only A-Z, a-z, 0-9 survive.
    Rouge155,
}

/// `--format` of eval.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvalFormatArg {
    /// A table in percent.
    Text,
    /// The scores as JSON (fractions in [0, 1]).
    Json,
}

impl MethodArg {
    /// The library method.
    pub fn method(self) -> Method {
        match self {
            MethodArg::Combined => Method::Combined,
            MethodArg::Centroid => Method::Centroid,
            MethodArg::Lexrank => Method::Lexrank,
            MethodArg::Position => Method::Position,
            MethodArg::Concepts => Method::Concepts,
            MethodArg::Kl => Method::Kl,
            MethodArg::Submodular => Method::Submodular,
        }
    }
}

impl EvalArgs {
    /// The summarizer configuration for --dataset runs (the budget is set per cluster).
    pub fn summarizer_config(&self) -> Config {
        self.selection.apply(Config {
            threads: self.threads,
            ..Config::default()
        })
    }

    /// The word budget of --dataset runs: --words; else 100 for DUC (truncated by ROUGE at 100),
    /// and for MultiLing-style sets each cluster's median reference length, untruncated (as
    /// EASC is scored).
    pub fn dataset_words(&self, kind: DatasetArg) -> Option<usize> {
        match (self.words.or(self.budget), kind) {
            (Some(n), _) => Some(n),
            (None, DatasetArg::Duc) => Some(100),
            (None, DatasetArg::Multiling) => None,
        }
    }

    /// The ROUGE options these arguments describe.
    pub fn options(&self) -> briefing::rouge::Options {
        use briefing::rouge::{Limit, Options, ScoreMode, Tokenizer};
        Options {
            stem: !self.no_stem,
            limit: match (self.words, self.bytes, self.dataset) {
                (Some(n), _, _) => Limit::Words(n),
                (_, Some(n), _) => Limit::Bytes(n),
                (None, None, Some(_)) if self.budget.is_some() => Limit::None,
                (None, None, Some(kind)) => {
                    self.dataset_words(kind).map_or(Limit::None, Limit::Words)
                }
                _ => Limit::None,
            },
            alpha: self.alpha,
            mode: if self.best {
                ScoreMode::Best
            } else {
                ScoreMode::Average
            },
            tokenizer: match self.tokenizer {
                TokenizerArg::Unicode => Tokenizer::Unicode,
                TokenizerArg::Rouge155 => Tokenizer::Rouge155,
            },
        }
    }
}

/// Inputs and shared options.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Files, folders, `-` (standard input), `.jsonl` or `.json` files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Language of the articles: detect per article, or force one.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Worker threads (default: all cores). The output is the same for any number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Write to FILE instead of standard output (written whole, or not at all).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Do not print warnings about skipped inputs (or a progress bar) on standard error.
    #[arg(long, short)]
    pub quiet: bool,
    /// JSON/JSONL input: which record field holds a part of the article, as PART=NAME[,NAME...]
    /// (parts: id, text, title, date, url, source; a name may use `*` as in `*date*`).
    /// Repeatable. Defaults: text=text,content,body,article title=title,headline
    /// date=published,date,*date* url=url,link source=source,outlet,publisher,site id=id,guid.
    #[arg(long = "field", value_name = "PART=NAME", value_parser = parse_field)]
    pub fields: Vec<String>,
    /// A document longer than this keeps only its first bytes (cut at a line break or space;
    /// listed in `skipped`). Suffixes K, M, G (powers of 1024). [default: 8M]
    #[arg(long, value_name = "BYTES", value_parser = parse_size)]
    pub max_document_bytes: Option<u64>,
    /// Inputs are read in order until this many bytes; the files after are skipped (listed in
    /// `skipped`). [default: 4G]
    #[arg(long, value_name = "BYTES", value_parser = parse_size)]
    pub max_run_bytes: Option<u64>,
    /// Text without sentence punctuation is cut at spaces into "sentences" of at most this many
    /// characters.
    #[arg(long, value_name = "N", default_value_t = briefing::Limits::default().sentence_chars)]
    pub max_sentence_chars: usize,
}

/// A byte count with an optional K, M or G suffix (powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&t[..i], t[i..].trim()),
        None => (t, ""),
    };
    let n: u64 = digits.parse().map_err(|_| {
        format!("{s:?}: expected a number of bytes, such as 500000, 512K, 8M or 2G")
    })?;
    let factor: u64 = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("{s:?}: the unit must be K, M or G")),
    };
    n.checked_mul(factor)
        .ok_or_else(|| format!("{s:?}: too large"))
}

fn parse_field(s: &str) -> Result<String, String> {
    briefing::ingest::Fields::default()
        .set(s)
        .map(|()| s.to_owned())
        .map_err(|e| e.to_string())
}

/// `briefing summarize`.
#[derive(Args, Debug)]
pub struct SummarizeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The size of the briefing (default: 100 words).
    #[command(flatten)]
    pub budget: BudgetArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Show every sentence's scores and why it was or was not chosen.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub email: EmailArgs,
    /// How sentences are chosen.
    #[command(flatten)]
    pub selection: MethodArgs,
}

/// The envelope of `--format email`.
#[derive(Args, Debug)]
pub struct EmailArgs {
    /// --format email: the sender, `Name <address>` or `address`.
    #[arg(long, value_name = "ADDRESS")]
    pub from: Option<String>,
    /// --format email: a recipient (repeatable).
    #[arg(long, value_name = "ADDRESS")]
    pub to: Vec<String>,
    /// --format email: the subject [default: the date and the top story's headline].
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,
    /// --format email: the Date header, `YYYY-MM-DD[ HH:MM[:SS]]` (UTC) or seconds since 1970
    /// [default: $SOURCE_DATE_EPOCH, else now].
    #[arg(long, value_name = "WHEN")]
    pub date: Option<String>,
}

impl EmailArgs {
    /// The envelope, or why these arguments do not make one.
    pub fn envelope(&self) -> Result<briefing::render::email::Envelope, String> {
        use briefing::render::email::{Envelope, valid_address};
        let from = self
            .from
            .clone()
            .ok_or("--format email needs --from ADDRESS")?;
        if self.to.is_empty() {
            return Err("--format email needs at least one --to ADDRESS".into());
        }
        for a in std::iter::once(&from).chain(&self.to) {
            if !valid_address(a) {
                return Err(format!("{a:?} is not an email address (name@example.com)"));
            }
        }
        let date = match &self.date {
            Some(d) => parse_when(d).ok_or(format!(
                "--date {d:?}: expected YYYY-MM-DD[ HH:MM[:SS]] or seconds since 1970"
            ))?,
            None => match std::env::var("SOURCE_DATE_EPOCH") {
                Ok(v) => v
                    .trim()
                    .parse()
                    .map_err(|_| format!("SOURCE_DATE_EPOCH={v:?} is not a number of seconds"))?,
                Err(_) => std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64),
            },
        };
        Ok(Envelope {
            from,
            to: self.to.clone(),
            subject: self.subject.clone(),
            date,
        })
    }
}

/// `YYYY-MM-DD[ HH:MM[:SS]]` or `YYYY-MM-DDTHH:MM[:SS][Z]` (UTC), or seconds since 1970.
fn parse_when(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(n) = s.parse::<i64>() {
        return Some(n);
    }
    let day = briefing::stories::day_number(s)?;
    let rest = s
        .get(10..)
        .unwrap_or("")
        .trim_start_matches(['T', ' '])
        .trim_end_matches('Z');
    let mut secs = 0i64;
    if !rest.is_empty() {
        let parts: Vec<&str> = rest.split(':').collect();
        if !(2..=3).contains(&parts.len()) {
            return None;
        }
        let nums: Option<Vec<i64>> = parts.iter().map(|p| p.parse().ok()).collect();
        let nums = nums?;
        if nums[0] > 23 || nums[1] > 59 || nums.get(2).is_some_and(|&x| x > 60) {
            return None;
        }
        secs = nums[0] * 3600 + nums[1] * 60 + nums.get(2).copied().unwrap_or(0);
    }
    Some(day * 86_400 + secs)
}

/// The size of a briefing.
#[derive(Args, Debug)]
pub struct BudgetArgs {
    /// Budget in words.
    #[arg(long, value_name = "N", group = "budget")]
    pub words: Option<usize>,
    /// Budget in sentences.
    #[arg(long, value_name = "N", group = "budget")]
    pub sentences: Option<usize>,
    /// Budget in characters (one space counted between sentences).
    #[arg(long, value_name = "N", group = "budget")]
    pub chars: Option<usize>,
}

impl BudgetArgs {
    /// The budget asked for, or `words` words.
    pub fn budget(&self, words: usize) -> Budget {
        match (self.words, self.sentences, self.chars) {
            (_, Some(n), _) => Budget::Sentences(n),
            (_, _, Some(n)) => Budget::Chars(n),
            (Some(n), _, _) => Budget::Words(n),
            _ => Budget::Words(words),
        }
    }
}

/// `briefing digest`.
#[derive(Args, Debug)]
pub struct DigestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// How many stories to brief (the best ranked).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub stories: usize,
    /// The size of each story's briefing (default: 60 words).
    #[command(flatten)]
    pub budget: BudgetArgs,
    /// Cosine of two articles' TF-IDF vectors at or above which they are the same story.
    #[arg(long, value_name = "X", default_value_t = briefing::DigestOptions::default().link)]
    pub link: f32,
    /// Articles further apart than this many days are never the same story.
    #[arg(long, value_name = "DAYS", default_value_t = briefing::DigestOptions::default().window_days)]
    pub window: u32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Print a per-stage timing breakdown on standard error.
    #[arg(long)]
    pub stats: bool,
    /// A digest written earlier with --format json: sentences it sent are left out, stories
    /// with nothing new are dropped, and stories it covered are marked as updates.
    #[arg(long, value_name = "PREVIOUS.json")]
    pub since: Option<PathBuf>,
    #[command(flatten)]
    pub email: EmailArgs,
    /// How sentences are chosen.
    #[command(flatten)]
    pub selection: MethodArgs,
}

impl DigestArgs {
    /// The library configuration (the budget is per story).
    pub fn config(&self) -> briefing::Result<Config> {
        Ok(self.selection.apply(Config {
            budget: self.budget.budget(60),
            ..self.input.config()?
        }))
    }

    /// How stories are formed.
    pub fn options(&self) -> briefing::DigestOptions {
        briefing::DigestOptions {
            stories: self.stories,
            link: self.link,
            window_days: self.window,
        }
    }

    /// The output format.
    pub fn format(&self) -> Format {
        self.format.format()
    }
}

/// The method and its parameters, shared by `summarize` and `eval --dataset`.
#[derive(Args, Debug)]
pub struct MethodArgs {
    /// Scoring and selection method.
    #[arg(long, value_enum, default_value_t = MethodArg::Combined)]
    pub method: MethodArg,
    /// Feature weights of the combined method: CENTROID,LEXRANK,POSITION[,SIGNATURE]
    /// [default: 0.2,0.3,0.25,0.5]; a missing SIGNATURE weight is 0.
    #[arg(long, value_name = "C,L,P[,S]", value_parser = parse_weights)]
    pub weights: Option<Weights>,
    /// MMR trade-off between relevance (1) and novelty (0).
    #[arg(long, value_name = "X", default_value_t = 0.7)]
    pub lambda: f32,
    /// Method combined: how far the position weight grows in a cluster that follows a topic
    /// rather than one event (weight x (1 + X x topicness); 0 keeps it fixed).
    #[arg(long, value_name = "X", default_value_t = briefing::config::POSITION_GAIN)]
    pub position_gain: f32,
    /// Method concepts: weight of sentence relevance against concept gain.
    #[arg(long, value_name = "X", default_value_t = 0.5)]
    pub mu: f32,
    /// Methods concepts and submodular: exponent of the sentence cost in the greedy ratio.
    #[arg(long, value_name = "X", default_value_t = 0.3)]
    pub cost_exponent: f32,
    /// Method submodular: saturation alpha of the coverage term.
    #[arg(long, value_name = "X", default_value_t = 0.05)]
    pub alpha_cover: f32,
    /// Method submodular: weight lambda of the diversity reward.
    #[arg(long, value_name = "X", default_value_t = 6.0)]
    pub diversity: f32,
    /// Method submodular: weight of the relevance term.
    #[arg(long, value_name = "X", default_value_t = 10.0)]
    pub prior: f32,
    /// Sentences with fewer words are not offered to the briefing.
    #[arg(long, value_name = "N", default_value_t = briefing::MIN_WORDS)]
    pub min_words: usize,
}

impl MethodArgs {
    /// Sets the method and its parameters on a configuration.
    pub fn apply(&self, config: Config) -> Config {
        Config {
            method: self.method.method(),
            weights: self.weights.unwrap_or_default(),
            mmr_lambda: self.lambda,
            position_gain: self.position_gain,
            concept_mu: self.mu,
            cost_exponent: self.cost_exponent,
            saturation: self.alpha_cover,
            diversity: self.diversity,
            relevance_prior: self.prior,
            min_words: self.min_words,
            ..config
        }
    }
}

fn parse_weights(s: &str) -> Result<Weights, String> {
    let parts: Vec<f32> = s
        .split(',')
        .map(|p| p.trim().parse::<f32>().map_err(|e| format!("{p:?}: {e}")))
        .collect::<Result<_, _>>()?;
    match parts[..] {
        [centroid, lexrank, position] => Ok(Weights {
            centroid,
            lexrank,
            position,
            signature: 0.0,
        }),
        [centroid, lexrank, position, signature] => Ok(Weights {
            centroid,
            lexrank,
            position,
            signature,
        }),
        _ => Err("expected three or four numbers: CENTROID,LEXRANK,POSITION[,SIGNATURE]".into()),
    }
}

/// `briefing split`.
#[derive(Args, Debug)]
pub struct SplitArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format: plain lines (a blank line between articles) or JSON lines
    /// ({"document","sentence","text"}).
    #[arg(long, value_enum, default_value_t = SplitFormatArg::Lines)]
    pub format: SplitFormatArg,
}

/// `--lang`.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum LangArg {
    /// Detect each article's language.
    Auto,
    /// Arabic.
    Ar,
    /// English.
    En,
}

/// `--format` of summarize.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    /// Title, numbered sentences with source numbers, source list.
    Text,
    /// The same in Markdown.
    Markdown,
    /// The documented JSON schema.
    Json,
    /// One self-contained HTML page (inline CSS; right-to-left where the text is Arabic).
    Html,
    /// A complete email (RFC 5322, multipart/alternative: the text and the HTML), for
    /// `sendmail -t`; needs --from and --to.
    Email,
}

/// `--format` of split.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum SplitFormatArg {
    /// One sentence per line.
    Lines,
    /// One JSON object per sentence.
    Jsonl,
}

/// `--method`.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum MethodArg {
    /// Centroid, LexRank, position and signature combined (the default); on one article, its lead.
    Combined,
    /// Cosine to the cluster's TF-IDF centroid (MEAD).
    Centroid,
    /// Continuous LexRank.
    Lexrank,
    /// Lead sentences: position in the article only.
    Position,
    /// Weighted bigram-concept coverage (after the ICSI system), greedy under the budget.
    Concepts,
    /// KL-divergence greedy selection (KLSum).
    Kl,
    /// Saturated coverage plus diversity reward (Lin and Bilmes 2011).
    Submodular,
}

impl InputArgs {
    /// The library configuration these options describe.
    pub fn config(&self) -> briefing::Result<Config> {
        let defaults = briefing::Limits::default();
        let mut fields = briefing::ingest::Fields::default();
        for spec in &self.fields {
            fields.set(spec)?;
        }
        Ok(Config {
            language: match self.lang {
                LangArg::Auto => None,
                LangArg::Ar => Some(Language::Arabic),
                LangArg::En => Some(Language::English),
            },
            threads: self.threads,
            fields,
            limits: briefing::Limits {
                document_bytes: self
                    .max_document_bytes
                    .map_or(defaults.document_bytes, |n| {
                        usize::try_from(n).unwrap_or(usize::MAX)
                    }),
                run_bytes: self.max_run_bytes.unwrap_or(defaults.run_bytes),
                sentence_chars: self.max_sentence_chars,
            },
            ..Config::default()
        })
    }
}

impl SummarizeArgs {
    /// The library configuration these options describe.
    pub fn config(&self) -> briefing::Result<Config> {
        Ok(self.selection.apply(Config {
            budget: self.budget.budget(100),
            explain: self.explain,
            ..self.input.config()?
        }))
    }

    /// The output format.
    pub fn format(&self) -> Format {
        self.format.format()
    }
}

impl FormatArg {
    /// The library format.
    pub fn format(self) -> Format {
        match self {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Json => Format::Json,
            // An email is rendered by `render_email` (text + HTML); it never reaches here.
            FormatArg::Html | FormatArg::Email => Format::Html,
        }
    }
}

impl SplitArgs {
    /// The output format.
    pub fn format(&self) -> SplitFormat {
        match self.format {
            SplitFormatArg::Lines => SplitFormat::Lines,
            SplitFormatArg::Jsonl => SplitFormat::Jsonl,
        }
    }
}
