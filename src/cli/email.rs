//! The envelope of `--format email`, from the command line.

use briefing::render::email::{Envelope, valid_address};

use super::args::EmailArgs;

/// The envelope these arguments describe, or why they do not make one.
pub fn envelope(args: &EmailArgs) -> Result<Envelope, String> {
    let from = args
        .from
        .clone()
        .ok_or("--format email needs --from ADDRESS")?;
    if args.to.is_empty() {
        return Err("--format email needs at least one --to ADDRESS".into());
    }
    for a in std::iter::once(&from).chain(&args.to) {
        if !valid_address(a) {
            return Err(format!("{a:?} is not an email address (name@example.com)"));
        }
    }
    let date = match &args.date {
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
        to: args.to.clone(),
        subject: args.subject.clone(),
        date,
    })
}

/// `YYYY-MM-DD[ HH:MM[:SS]]` or `YYYY-MM-DDTHH:MM[:SS][Z]` (UTC), or seconds since 1970.
fn parse_when(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(n) = s.parse::<i64>() {
        return Some(n);
    }
    let day = briefing::text::date::day_number(s)?;
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
