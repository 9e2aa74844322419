//! The command line: clap types only, grouped under headings, with examples. Every default is
//! a `briefing::config` constant; `super::run` turns the arguments into the library's config.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use briefing::config::{self, Named};
use briefing::eval::dataset::Layout;
use briefing::eval::rouge::Tokenizer;
use briefing::render::SplitFormat;
use briefing::{Budget, Config, DigestOptions, Format, Language, Limits, Method, Params, Weights};

const EXAMPLES: &str = "\
Examples:
  briefing summarize samples/coalition-ar --words 100
  briefing summarize samples/harbor-bridge-en --format json
  briefing digest news/2026-11-30.jsonl --stories 8 --format html -o digest.html
  briefing split samples/coalition-ar --format jsonl
  briefing eval --dataset duc DUC2003/";

/// Multi-document extractive briefings of news articles, in Arabic and English.
#[derive(Parser, Debug)]
#[command(name = "briefing", version, about, after_help = EXAMPLES)]
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
    /// input, a `.jsonl` file with one article per line ({"id","title","text","source","url",
    /// "published"}, only "text" required) or a `.json` file holding an array of articles.
    /// Saved web pages (.html, or any file that is HTML) give their main text and metadata;
    /// feeds (RSS, Atom, JSON Feed) give one article per item.
    /// Exit codes: 0 ok, 1 failure, 2 bad usage or no usable input.
    #[command(after_help = "Examples:
  briefing summarize samples/coalition-ar --words 100
  briefing summarize cluster/ --sentences 5 --method lexrank --format markdown
  cat article.txt | briefing summarize - --lang en --explain")]
    Summarize(SummarizeArgs),
    /// Group a large, mixed collection into stories and brief the best-ranked ones.
    ///
    /// PATH as for summarize. Articles are grouped into stories (same event, different outlets)
    /// through an inverted index of their TF-IDF vectors, never by comparing all pairs; stories
    /// are ranked by outlets, articles and recency, and the best --stories are each briefed in
    /// --words words times min(1 + log10(articles), 2): a story of 4 articles gets 1.6 times
    /// the words, of 10 or more twice.
    #[command(after_help = "Examples:
  briefing digest news/ --stories 8
  briefing digest today.jsonl --since yesterday.json --format json -o today.json
  briefing digest today.jsonl --format email --from news@example.org --to me@example.org \\
      | sendmail -t")]
    Digest(DigestArgs),
    /// Print each article's cleaned sentences in order, one per line.
    #[command(after_help = "Example:
  briefing split samples/coalition-ar --format jsonl")]
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
    #[command(after_help = "Examples:
  briefing eval --summaries out/ --references models/
  briefing eval --dataset duc DUC2003/ --task t --per-cluster
  briefing eval --dataset multiling EASC/ --format json")]
    Eval(EvalArgs),
    /// Print the man page or a shell completion script, generated from these definitions.
    #[command(after_help = "Examples:
  briefing generate man > briefing.1
  briefing generate bash > /etc/bash_completion.d/briefing")]
    Generate(GenerateArgs),
}

/// A value parser for a library enum: its names as the possible values (each with its help),
/// parsed by its `FromStr`.
fn choice<T: Named + Send + Sync>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(
        T::ALL
            .iter()
            .map(|v| PossibleValue::new(v.name()).help(v.about())),
    )
    .map(|s| T::parse_name(&s).unwrap_or(T::ALL[0]))
}

/// A finite number (NaN and infinities are refused; ranges are the library's to check).
fn finite<T>(s: &str) -> Result<T, String>
where
    T: std::str::FromStr + Into<f64> + Copy,
    T::Err: std::fmt::Display,
{
    match s.trim().parse::<T>() {
        Ok(x) if x.into().is_finite() => Ok(x),
        Ok(_) => Err("expected a finite number".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// A whole number of things (a negative one is named as such, not taken for an option).
fn count<T>(s: &str) -> Result<T, String>
where
    T: std::str::FromStr,
{
    let t = s.trim();
    if t.starts_with('-') {
        return Err(format!("expected a whole number of 0 or more, got {t}"));
    }
    t.parse::<T>()
        .map_err(|_| format!("expected a whole number, got {t:?}"))
}

/// Weights `C,L,P[,S]`, parsed by the library.
fn weights(s: &str) -> Result<Weights, String> {
    s.parse().map_err(|e: briefing::Error| e.to_string())
}

/// A number of bytes, shown with a K, M or G suffix when it is a whole multiple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bytes(pub u64);

impl std::fmt::Display for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0;
        match [(30, "G"), (20, "M"), (10, "K")]
            .into_iter()
            .find(|&(shift, _)| n != 0 && n.is_multiple_of(1u64 << shift))
        {
            Some((shift, unit)) => write!(f, "{}{unit}", n >> shift),
            None => write!(f, "{n}"),
        }
    }
}

/// A byte count with an optional K, M or G suffix (powers of 1024).
fn size(s: &str) -> Result<Bytes, String> {
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
        .map(Bytes)
        .ok_or_else(|| format!("{s:?}: too large"))
}

/// A `--field` spec, checked by the library.
fn field(s: &str) -> Result<String, String> {
    briefing::Fields::default()
        .set(s)
        .map(|()| s.to_owned())
        .map_err(|e| e.to_string())
}

/// Inputs and the options every command reading articles shares.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Files, folders, `-` (standard input), `.jsonl` or `.json` files, saved web pages, feeds.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Language of the articles: detect per article, or force one.
    #[arg(long, value_name = "LANG", default_value = "auto", help_heading = "Input",
          value_parser = PossibleValuesParser::new([
              PossibleValue::new("auto").help("detect each article's language"),
              PossibleValue::new("ar").help("Arabic"),
              PossibleValue::new("en").help("English"),
          ]))]
    pub lang: String,
    /// JSON/JSONL input: the record field of a part of the article (repeatable).
    ///
    /// PART=NAME[,NAME...]; parts: id, text, title, date, url, source; a name may use `*` as
    /// in `*date*`. Defaults: text=text,content,body,article title=title,headline
    /// date=published,date,*date* url=url,link source=source,outlet,publisher,site id=id,guid.
    #[arg(long = "field", value_name = "PART=NAME", value_parser = field, help_heading = "Input")]
    pub fields: Vec<String>,
    /// Worker threads (default: all cores). The output is the same for any number.
    #[arg(long, value_name = "N", help_heading = "Run", value_parser = count::<usize>,
          allow_negative_numbers = true)]
    pub threads: Option<usize>,
    /// Write to FILE instead of standard output (written whole, or not at all).
    #[arg(long, short, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
    /// Do not print warnings about skipped inputs (or a progress bar) on standard error.
    #[arg(long, short, help_heading = "Output")]
    pub quiet: bool,
    /// Write the list of skipped inputs to FILE, one JSON object a line (path, kind, reason).
    ///
    /// Written whole or not at all, empty when nothing was skipped; standard error then gets
    /// one line of counts instead of a warning per input.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub skipped: Option<PathBuf>,
    /// A longer document keeps only its first bytes (suffixes K, M, G).
    ///
    /// It is cut at a line break or space, and listed in `skipped`. K, M and G are powers of
    /// 1024.
    #[arg(long, value_name = "BYTES", value_parser = size, help_heading = "Limits",
          default_value_t = Bytes(config::DOCUMENT_BYTES as u64))]
    pub max_document_bytes: Bytes,
    /// Inputs are read in order until this many bytes (suffixes K, M, G).
    ///
    /// The files after are skipped (listed in `skipped`); standard input is cut.
    #[arg(long, value_name = "BYTES", value_parser = size, help_heading = "Limits",
          default_value_t = Bytes(config::RUN_BYTES))]
    pub max_run_bytes: Bytes,
    /// The longest "sentence", in characters.
    ///
    /// Text without sentence punctuation is cut at spaces into "sentences" of at most this many
    /// characters.
    #[arg(long, value_name = "N", help_heading = "Limits", default_value_t = config::SENTENCE_CHARS,
          value_parser = count::<usize>, allow_negative_numbers = true)]
    pub max_sentence_chars: usize,
}

/// The size of a briefing; `WORDS` is the default budget in words. (Its help text is built
/// here rather than with `default_value_t`, whose value clap keeps in one static shared by
/// every `WORDS`.)
#[derive(Args, Debug)]
pub struct BudgetArgs<const WORDS: usize> {
    /// Budget in words.
    #[arg(long, value_name = "N", help_heading = "Budget",
          help = format!("Budget in words [default: {WORDS}]"),
          value_parser = count::<usize>, allow_negative_numbers = true)]
    pub words: Option<usize>,
    /// Budget in sentences (instead of words).
    #[arg(long, value_name = "N", help_heading = "Budget", conflicts_with_all = ["words", "chars"],
          value_parser = count::<usize>, allow_negative_numbers = true)]
    pub sentences: Option<usize>,
    /// Budget in characters, one space counted between sentences (instead of words).
    #[arg(long, value_name = "N", help_heading = "Budget", conflicts_with = "words",
          value_parser = count::<usize>, allow_negative_numbers = true)]
    pub chars: Option<usize>,
}

/// The method and its parameters, shared by `summarize`, `digest` and `eval --dataset`.
#[derive(Args, Debug)]
pub struct MethodArgs {
    /// Scoring and selection method.
    #[arg(long, value_name = "METHOD", help_heading = "Method", value_parser = choice::<Method>(),
          default_value_t = Method::default())]
    pub method: Method,
    /// Feature weights of the combined method.
    ///
    /// CENTROID,LEXRANK,POSITION[,SIGNATURE]; a missing SIGNATURE weight is 0.
    #[arg(long, value_name = "C,L,P[,S]", value_parser = weights, help_heading = "Method",
          default_value_t = config::WEIGHTS)]
    pub weights: Weights,
    /// MMR trade-off between relevance (1) and novelty (0).
    #[arg(long, value_name = "X", value_parser = finite::<f32>, help_heading = "Method",
          default_value_t = config::MMR_LAMBDA)]
    pub lambda: f32,
    /// Method combined: how far the position weight grows in a cluster that follows a topic
    /// rather than one event (weight x (1 + X x topicness); 0 keeps it fixed).
    #[arg(long, value_name = "X", value_parser = finite::<f32>, help_heading = "Method",
          default_value_t = config::POSITION_GAIN)]
    pub position_gain: f32,
    /// Method concepts: weight of sentence relevance against concept gain.
    #[arg(long, value_name = "X", value_parser = finite::<f32>, help_heading = "Method",
          default_value_t = config::CONCEPT_MU)]
    pub mu: f32,
    /// Methods concepts and submodular: exponent of the sentence cost in the greedy ratio.
    #[arg(long, value_name = "X", value_parser = finite::<f32>, help_heading = "Method",
          default_value_t = config::COST_EXPONENT)]
    pub cost_exponent: f32,
    /// Method submodular: saturation alpha of the coverage term.
    #[arg(long, value_name = "X", value_parser = finite::<f32>, help_heading = "Method",
          default_value_t = config::SATURATION)]
    pub alpha_cover: f32,
    /// Method submodular: weight lambda of the diversity reward.
    #[arg(long, value_name = "X", value_parser = finite::<f32>, help_heading = "Method",
          default_value_t = config::DIVERSITY)]
    pub diversity: f32,
    /// Method submodular: weight of the relevance term.
    #[arg(long, value_name = "X", value_parser = finite::<f32>, help_heading = "Method",
          default_value_t = config::RELEVANCE_PRIOR)]
    pub prior: f32,
    /// Sentences with fewer words are not offered to the briefing.
    #[arg(long, value_name = "N", help_heading = "Method", default_value_t = config::MIN_WORDS,
          value_parser = count::<usize>, allow_negative_numbers = true)]
    pub min_words: usize,
}

impl InputArgs {
    /// The library configuration of the input options (the rest at its defaults).
    pub fn config(&self) -> briefing::Result<Config> {
        let mut config = Config::default();
        if self.lang != "auto" {
            config.language = Some(self.lang.parse::<Language>()?);
        }
        config.threads = self.threads;
        for spec in &self.fields {
            config.fields.set(spec)?;
        }
        let mut limits = Limits::default();
        limits.document_bytes = usize::try_from(self.max_document_bytes.0).unwrap_or(usize::MAX);
        limits.run_bytes = self.max_run_bytes.0;
        limits.sentence_chars = self.max_sentence_chars;
        config.limits = limits;
        Ok(config)
    }
}

impl BriefArgs {
    /// The library configuration of the inputs and the method.
    pub fn config(&self) -> briefing::Result<Config> {
        Ok(self.method.apply(self.input.config()?))
    }
}

impl DigestArgs {
    /// The library configuration of the digest's options.
    pub fn config(&self) -> briefing::Result<Config> {
        let mut config = self.brief.config()?;
        config.limits.since_bytes = self.max_since_bytes.0;
        Ok(config)
    }

    /// How stories are formed and briefed.
    pub fn options(&self) -> DigestOptions {
        let mut opts = DigestOptions::default();
        opts.stories = self.stories;
        opts.budget = self.budget.budget();
        opts.link = self.link;
        opts.window_days = self.window;
        opts
    }
}

impl<const WORDS: usize> BudgetArgs<WORDS> {
    /// The budget asked for.
    pub fn budget(&self) -> Budget {
        match (self.sentences, self.chars) {
            (Some(n), _) => Budget::Sentences(n),
            (_, Some(n)) => Budget::Chars(n),
            _ => Budget::Words(self.words.unwrap_or(WORDS)),
        }
    }
}

impl MethodArgs {
    /// A configuration with this method and its parameters.
    pub fn apply(&self, mut config: Config) -> Config {
        config.method = self.method;
        let mut p = Params::default();
        p.weights = self.weights;
        p.mmr_lambda = self.lambda;
        p.position_gain = self.position_gain;
        p.concept_mu = self.mu;
        p.cost_exponent = self.cost_exponent;
        p.saturation = self.alpha_cover;
        p.diversity = self.diversity;
        p.relevance_prior = self.prior;
        p.min_words = self.min_words;
        config.params = p;
        config
    }
}

/// The envelope of `--format email`.
#[derive(Args, Debug)]
pub struct EmailArgs {
    /// The sender, `Name <address>` or `address`.
    #[arg(long, value_name = "ADDRESS", help_heading = "Email (--format email)")]
    pub from: Option<String>,
    /// A recipient (repeatable).
    #[arg(long, value_name = "ADDRESS", help_heading = "Email (--format email)")]
    pub to: Vec<String>,
    /// The subject [default: "Briefing: <headline>" for summarize, "News digest <newest date>:
    /// <top story>" for digest].
    #[arg(long, value_name = "TEXT", help_heading = "Email (--format email)")]
    pub subject: Option<String>,
    /// The Date header, kept in the offset given: RFC 3339 (`2026-12-01T10:00:00+03:00`), RFC
    /// 2822 (`Tue, 1 Dec 2026 10:00:00 +0300`), `YYYY-MM-DD[ HH:MM[:SS]][±HH:MM]` (UTC without
    /// an offset) or seconds since 1970 [default: $SOURCE_DATE_EPOCH, else now].
    #[arg(long, value_name = "WHEN", help_heading = "Email (--format email)")]
    pub date: Option<String>,
}

/// What `summarize` and `digest` share after their budget: the output format, the method, the
/// inputs and the email envelope.
#[derive(Args, Debug)]
pub struct BriefArgs {
    /// Output format.
    #[arg(long, value_name = "FORMAT", help_heading = "Output", value_parser = choice::<Format>(),
          default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub method: MethodArgs,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub email: EmailArgs,
}

/// `briefing summarize`.
#[derive(Args, Debug)]
pub struct SummarizeArgs {
    #[command(flatten)]
    pub budget: BudgetArgs<{ config::WORDS }>,
    #[command(flatten)]
    pub brief: BriefArgs,
    /// Show every sentence's scores and why it was or was not chosen.
    #[arg(long, help_heading = "Output")]
    pub explain: bool,
    /// Print each stage's time (and the peak memory when it ended) on standard error.
    #[arg(long, help_heading = "Output")]
    pub stats: bool,
}

/// `briefing digest`.
#[derive(Args, Debug)]
pub struct DigestArgs {
    /// How many stories to brief (the best ranked).
    #[arg(long, value_name = "N", help_heading = "Stories", default_value_t = config::STORIES,
          value_parser = count::<usize>, allow_negative_numbers = true)]
    pub stories: usize,
    /// Cosine of two articles' TF-IDF vectors at or above which they are the same story.
    #[arg(long, value_name = "X", value_parser = finite::<f32>, help_heading = "Stories",
          default_value_t = config::LINK)]
    pub link: f32,
    /// Articles further apart than this many days are never the same story.
    #[arg(long, value_name = "DAYS", help_heading = "Stories", default_value_t = config::WINDOW_DAYS,
          value_parser = count::<u32>, allow_negative_numbers = true)]
    pub window: u32,
    /// A digest written earlier with --format json: sentences it sent are left out, stories
    /// with nothing new are dropped, and stories it covered are marked as updates.
    #[arg(long, value_name = "PREVIOUS.json", help_heading = "Stories")]
    pub since: Option<PathBuf>,
    /// The largest earlier digest --since reads (suffixes K, M, G).
    #[arg(long, value_name = "BYTES", value_parser = size, help_heading = "Limits",
          default_value_t = Bytes(config::SINCE_BYTES))]
    pub max_since_bytes: Bytes,
    #[command(flatten)]
    pub budget: BudgetArgs<{ config::STORY_WORDS }>,
    #[command(flatten)]
    pub brief: BriefArgs,
    /// Print a per-stage timing breakdown on standard error.
    #[arg(long, help_heading = "Output")]
    pub stats: bool,
}

/// `briefing split`.
#[derive(Args, Debug)]
pub struct SplitArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_name = "FORMAT", help_heading = "Output",
          value_parser = choice::<SplitFormat>(), default_value_t = SplitFormat::Lines)]
    pub format: SplitFormat,
}

/// `briefing eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Folder of summaries, one file per cluster.
    #[arg(
        long,
        value_name = "DIR",
        required_unless_present_any = ["dataset", "stories"],
        requires = "references",
        help_heading = "Summaries and references"
    )]
    pub summaries: Option<PathBuf>,
    /// Folder of references (matched to the summaries by cluster name).
    #[arg(
        long,
        value_name = "DIR",
        requires = "summaries",
        help_heading = "Summaries and references"
    )]
    pub references: Option<PathBuf>,
    /// Run the summarizer over a whole dataset of this layout, found at PATH.
    #[arg(long, value_name = "LAYOUT", requires = "path", conflicts_with = "summaries",
          value_parser = choice::<Layout>(), help_heading = "Dataset")]
    pub dataset: Option<Layout>,
    /// Score the story grouping of `digest` on PILE, a folder with one sub-folder per gold
    /// story: B-cubed precision, recall and F1, NMI and the number of stories.
    #[arg(long, value_name = "PILE", conflicts_with_all = ["summaries", "dataset"],
          help_heading = "Stories")]
    pub stories: Option<PathBuf>,
    /// With --stories: the digest's --link.
    #[arg(long, value_name = "X", requires = "stories", value_parser = finite::<f32>,
          default_value_t = config::LINK, help_heading = "Stories")]
    pub link: f32,
    /// With --stories: the digest's --window.
    #[arg(long, value_name = "DAYS", requires = "stories", value_parser = count::<u32>,
          default_value_t = config::WINDOW_DAYS, help_heading = "Stories")]
    pub window: u32,
    /// The dataset's folder (with --dataset).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// With --dataset duc: only the clusters of this task letter (`t`: DUC 2003 task 2).
    #[arg(long, value_name = "LETTER", help_heading = "Dataset")]
    pub task: Option<char>,
    /// With --dataset: worker threads of the summarizer.
    #[arg(long, value_name = "N", help_heading = "Dataset")]
    pub threads: Option<usize>,
    /// With --dataset: no progress bar.
    #[arg(long, short, help_heading = "Dataset")]
    pub quiet: bool,
    /// With --dataset: how the summarizer chooses sentences.
    #[command(flatten)]
    pub method: MethodArgs,
    /// Score only the first N words of every summary (ROUGE -l N) [default with --dataset duc:
    /// 100].
    #[arg(long, value_name = "N", group = "limit", help_heading = "Scoring")]
    pub words: Option<usize>,
    /// Score only the first N bytes of every summary (ROUGE -b N).
    #[arg(long, value_name = "N", group = "limit", help_heading = "Scoring")]
    pub bytes: Option<usize>,
    /// With --dataset: brief in N words but score whole summaries and references (no -l; for
    /// references longer than the budget, which -l would cut too).
    #[arg(
        long,
        value_name = "N",
        group = "limit",
        requires = "dataset",
        help_heading = "Scoring"
    )]
    pub budget: Option<usize>,
    /// Do not stem (ROUGE without -m).
    #[arg(long, help_heading = "Scoring")]
    pub no_stem: bool,
    /// Weight of recall in F (ROUGE -p).
    #[arg(long, value_name = "A", value_parser = finite::<f64>, help_heading = "Scoring",
          default_value_t = briefing::eval::rouge::ALPHA)]
    pub alpha: f64,
    /// Score against the best reference only (ROUGE -f B) instead of all (-f A).
    #[arg(long, help_heading = "Scoring")]
    pub best: bool,
    /// Tokenizer.
    #[arg(long, value_name = "NAME", value_parser = choice::<Tokenizer>(), help_heading = "Scoring",
          default_value_t = Tokenizer::default())]
    pub tokenizer: Tokenizer,
    /// Add a line per cluster.
    #[arg(long, help_heading = "Output")]
    pub per_cluster: bool,
    /// Output format: a table in percent, or the scores as JSON (fractions in [0, 1]).
    #[arg(long, value_name = "FORMAT", help_heading = "Output",
          value_parser = PossibleValuesParser::new(["text", "json"]), default_value = "text")]
    pub format: String,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
}

/// `briefing generate`.
#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// What to print: `man` (a roff man page) or the completion script of a shell.
    #[arg(value_name = "WHAT",
          value_parser = PossibleValuesParser::new(["man", "bash", "zsh", "fish", "elvish", "powershell"]))]
    pub what: String,
}
