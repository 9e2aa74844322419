//! Tests of the cleaner, rule by rule.

use super::*;

fn texts(c: &Cleaned) -> Vec<&str> {
    c.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn wire_typesetting_codes_are_layout_not_words() {
    // NYT News Service copy: `&QL;` ends the headline line, `&UR;` opens the credit lines.
    let raw = "NATIONAL FORECAST &QL;\n &UR; By JOHN DOE &QC; \n\nWet snow will fall in Maine. &QL; \n   &QL; \nRain will fall farther south.\n";
    let c = clean(raw, None);
    assert_eq!(c.title.as_deref(), Some("NATIONAL FORECAST"));
    assert_eq!(
        texts(&c),
        vec![
            "Wet snow will fall in Maine.",
            "Rain will fall farther south."
        ]
    );
}

#[test]
fn repeated_headline_and_furniture_removed() {
    let raw = "الجعفري والن يبحثان الوضع\n\nالجعفري والن يبحثان الوضع\nآخر تحديث:\n\n بغداد/شبكة اخبار العراق- بحث الوزير الأوضاع.\n\nالتعليقات\n\nأضف تعليقاً\n\nلن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\n";
    let c = clean(raw, None);
    assert_eq!(c.title.as_deref(), Some("الجعفري والن يبحثان الوضع"));
    assert_eq!(texts(&c), vec!["بحث الوزير الأوضاع."]);
}

#[test]
fn colon_dateline_but_not_speech_verb() {
    let c = clean("لندن: قال الجنرال شيئا.\n\nوقال: \"نحن مستمرون\".", None);
    assert_eq!(
        texts(&c),
        vec!["قال الجنرال شيئا.", "وقال: \"نحن مستمرون\"."]
    );
}

#[test]
fn regression_verb_before_a_dash_is_no_dateline() {
    let s = "وصل - بحمد الله وتوفيقه - وزير النقل إلى الميناء الجديد.";
    assert_eq!(strip_dateline(s), None);
    assert_eq!(
        strip_dateline("تمكنت - بفضل الله - الفرق من السيطرة."),
        None
    );
    for (s, rest) in [
        ("الرياض - أعلنت الوزارة أمس.", "أعلنت الوزارة أمس."),
        ("جدة - أعلنت الوزارة أمس.", "أعلنت الوزارة أمس."),
        ("سبق- أعلنت الوزارة أمس.", "أعلنت الوزارة أمس."),
        ("مكة المكرمة - أعلنت الوزارة أمس.", "أعلنت الوزارة أمس."),
        ("الرياض (واس) - أعلنت الوزارة أمس.", "أعلنت الوزارة أمس."),
    ] {
        assert_eq!(strip_dateline(s), Some(rest), "{s}");
    }
}

#[test]
fn english_wire_copy_joined_and_dateline_stripped() {
    let raw = "\t   PORTHAVEN (AP) _ A harbor engineer from the city's transport\ndepartment on Monday asked the council to close the old swing\nbridge, in use since 1931, for a full survey of its girders.\n\t   ``We have found something like a total of 212 cracks'' in\nthe steelwork since March, the engineer told the council.\n";
    let c = clean(raw, None);
    assert_eq!(c.title, None);
    assert_eq!(c.paragraphs.len(), 2);
    assert!(c.paragraphs[0].text.starts_with("A harbor engineer"));
    assert!(c.paragraphs[0].text.ends_with("of its girders."));
}

#[test]
fn given_title_removes_its_repeat() {
    let c = clean(
        "Storm closes bridge\nThe bridge closed at noon.",
        Some("Storm closes bridge"),
    );
    assert_eq!(c.title.as_deref(), Some("Storm closes bridge"));
    assert_eq!(texts(&c), vec!["The bridge closed at noon."]);
}

#[test]
fn regression_given_title_differing_from_printed_headline() {
    let c = clean(
        "Storm shuts bridge\n\nStorm shuts bridge\n\nPORTHAVEN (AP) -- The bridge closed at noon.",
        Some("Bridge closed by storm"),
    );
    assert_eq!(c.title.as_deref(), Some("Bridge closed by storm"));
    assert_eq!(texts(&c), vec!["The bridge closed at noon."]);
}

#[test]
fn regression_other_scripts_full_stops_end_sentences() {
    // A Chinese article was taken for a headline alone and dropped.
    for t in [
        "港口大桥于周二关闭。",
        "پل بسته شد۔",
        "पुल बंद हुआ।",
        "«Сказал он.»",
    ] {
        assert!(ends_sentence(t), "{t}");
    }
    assert!(!ends_sentence("Storm closes bridge"));
    let c = clean(
        "暴风雨过后，港口大桥于周二关闭。渡轮将通勤者运送过海湾。",
        None,
    );
    assert_eq!(c.title, None);
    assert_eq!(c.paragraphs.len(), 1);
}

#[test]
fn regression_title_ending_with_a_full_stop_before_a_date_line() {
    for (raw, title, first) in [
        (
            "Storm closes harbour bridge.\nWednesday, July 15, 2009\n\nA storm closed the bridge.\nFerries ran instead.",
            "Storm closes harbour bridge.",
            "A storm closed the bridge.",
        ),
        (
            "العاصفة تغلق الجسر.\nالأربعاء، 15 يوليو 2009\n\nأغلقت العاصفة الجسر أمس.\nوعملت العبارات بدلا منه.",
            "العاصفة تغلق الجسر.",
            "أغلقت العاصفة الجسر أمس.",
        ),
        (
            "Storm closes harbour bridge.\n\nA storm closed the bridge.\nFerries ran instead.\nThe mayor spoke.",
            "Storm closes harbour bridge.",
            "A storm closed the bridge.",
        ),
    ] {
        let c = clean(raw, None);
        assert_eq!(c.title.as_deref(), Some(title), "{raw}");
        assert_eq!(texts(&c)[0], first, "{raw}");
    }
    let c = clean(
        "Storm closes harbour bridge.\nWednesday, July 15, 2009\n\nA storm closed it.",
        None,
    );
    assert_eq!(c.date.as_deref(), Some("2009-07-15"));
    // A short first line before blank-separated paragraphs is a title; a long one, or one
    // opening with a dateline, is the lead.
    let c = clean(
        "Storm closes bridge.\n\nA storm closed the bridge on Tuesday.\n\nFerries ran.",
        None,
    );
    assert_eq!(c.title.as_deref(), Some("Storm closes bridge."));
    for raw in [
        "A storm that had raged over the bay since the weekend closed the harbour bridge on Tuesday morning.\n\nFerries ran instead.\n\nThe mayor spoke.",
        "PORTHAVEN (AP) -- A storm closed the bridge.\n\nFerries ran instead.\n\nThe mayor spoke.",
    ] {
        let c = clean(raw, None);
        assert_eq!(c.title, None, "{raw}");
        assert_eq!(texts(&c).len(), 3, "{raw}");
    }
}

#[test]
fn subheading_marked() {
    let c = clean("First sentence here.\n\nA subheading\n\nMore text.", None);
    assert!(!c.paragraphs[0].heading);
    assert!(c.paragraphs[1].heading);
}

#[test]
fn caption_line_dropped() {
    let c = clean(
        "One.\n\nفيديو اجتماع وزير الدفاع العراقي مع الجنارل جون آلن:\n\nTwo.",
        None,
    );
    assert_eq!(texts(&c), vec!["One.", "Two."]);
}

#[test]
fn tidy_is_skipped_only_when_it_changes_nothing() {
    let mut all: Vec<char> = (0..0x2100u32).filter_map(char::from_u32).collect();
    all.extend(['\u{FEFF}', '\u{FEFB}', '\u{1F600}']);
    for c in all {
        for text in [format!("a{c}b"), format!("{c}"), format!("سلام{c}\n")] {
            let display = display(&text);
            let slow = tidy_chars(&display);
            assert_eq!(tidy(&text), slow, "{:?}", text);
            if slow == display {
                assert!(
                    !needs_tidy(&display) || display.contains('\r'),
                    "{:?}",
                    text
                );
            }
        }
    }
}

#[test]
fn ends_sentence_cases() {
    assert!(ends_sentence("done.”"));
    assert!(ends_sentence("لماذا؟"));
    assert!(!ends_sentence("الجعفري:الجهود الدولية"));
}

#[test]
fn scripts_of_guesses_from_the_first_articles() {
    let arabic = "قال وزير الخارجية ".repeat(200); // > 2 KB: the sample is cut inside it
    assert!(arabic.len() > 2048 && !arabic.is_char_boundary(2047));
    assert_eq!(
        scripts_of([arabic.as_str()].into_iter()),
        vec![Script::Arabic]
    );
    assert_eq!(
        scripts_of(["The minister said.", arabic.as_str(), "More."].into_iter()),
        vec![Script::Latin, Script::Arabic]
    );
    assert!(scripts_of(std::iter::empty()).is_empty());
    // Only the first 16 articles are looked at: a guess, never a condition of the result.
    let many: Vec<&str> = std::iter::repeat_n("English text.", 16)
        .chain([arabic.as_str()])
        .collect();
    assert_eq!(scripts_of(many.into_iter()), vec![Script::Latin]);
}

#[test]
fn cleaning_is_the_same_with_the_patterns_prepared_in_a_pool() {
    let text = "آخر تحديث: 12 مارس 2016\n\nقال الوزير إن المحادثات مستمرة.\n\nتابعونا على تويتر\n\nLast updated: 12 March 2016\n\nThe minister said the talks go on.\n";
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    // Prepared in the pool while its workers clean (they wait for a set being compiled), then
    // again outside any pool (on this thread; a no-op once compiled).
    let cleaned: Vec<Cleaned> = pool.install(|| {
        crate::text::resources::prepare(&[Script::Arabic, Script::Latin]);
        (0..8).into_par_iter().map(|_| clean(text, None)).collect()
    });
    crate::text::resources::prepare(&[Script::Arabic]);
    let alone = clean(text, None);
    let texts = |c: &Cleaned| {
        c.paragraphs
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        texts(&alone),
        vec![
            "قال الوزير إن المحادثات مستمرة.",
            "The minister said the talks go on."
        ]
    );
    assert!(cleaned.iter().all(|c| texts(c) == texts(&alone)));
}
