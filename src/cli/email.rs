//! The envelope of `--format email`, from the command line.

use briefing::render::email::{Envelope, valid_address};
use briefing::text::date::{FORMS, Moment, moment};

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
        Some(d) => given_date(d)?,
        None => match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(v) => moment(&v)
                .ok()
                .filter(|_| v.trim().bytes().all(|b| b.is_ascii_digit()))
                .ok_or(format!(
                    "SOURCE_DATE_EPOCH={v:?} is not a number of seconds"
                ))?,
            Err(_) => Moment {
                seconds: std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64),
                offset: 0,
            },
        },
    };
    Ok(Envelope {
        from,
        to: args.to.clone(),
        subject: args.subject.clone(),
        date,
    })
}

/// Checks `--date` when it is given (for the formats that do not use it).
pub fn check_date(args: &EmailArgs) -> Result<(), String> {
    args.date
        .as_deref()
        .map_or(Ok(()), |d| given_date(d).map(|_| ()))
}

/// `--date` read, or the usage error that says why it is not a date.
fn given_date(d: &str) -> Result<Moment, String> {
    moment(d).map_err(|e| format!("--date {e}; expected {FORMS}"))
}
