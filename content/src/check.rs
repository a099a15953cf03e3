//! Cross-locale checks the build runs: every locale must carry what the others carry, so a
//! translation that drops a section, a role or a front-matter field fails the build.

use crate::model::Guide;

/// Returns one message per problem, each naming the locale and the missing item.
pub fn check_locales(guides: &[Guide]) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    for guide in guides {
        let others: Vec<&Guide> = guides.iter().filter(|g| g.locale != guide.locale).collect();
        if others.is_empty() {
            continue;
        }
        for section in others.iter().flat_map(|g| g.sections.iter()) {
            if guide.section(section.id).is_none()
                && !problems_mention(&problems, guide.locale, section.id)
            {
                let having = names(&others, |g| g.section(section.id).is_some());
                problems.push(format!(
                    "locale {}: lacks section `{}` that {having} {}",
                    guide.locale,
                    section.id,
                    have(&having)
                ));
            }
        }
        let role_count = |g: &Guide| g.roles().map_or(0, |t| t.roles.len());
        let most = others.iter().map(|g| role_count(g)).max().unwrap_or(0);
        for missing in role_count(guide)..most {
            let having = names(&others, |g| role_count(g) > missing);
            problems.push(format!(
                "locale {}: lacks role #{} of the roles table that {having} {}",
                guide.locale,
                missing + 1,
                have(&having)
            ));
        }
        if let Some(first) = others.first() {
            for (key, _) in first.front_matter.fields {
                let in_all_others = others
                    .iter()
                    .all(|g| g.front_matter.fields.iter().any(|(k, _)| k == key));
                let here = guide.front_matter.fields.iter().any(|(k, _)| k == key);
                if in_all_others && !here {
                    problems.push(format!(
                        "locale {}: lacks front-matter field `{key}` that every other locale has",
                        guide.locale
                    ));
                }
            }
        }
        if !guide
            .front_matter
            .content_locale
            .to_ascii_lowercase()
            .starts_with(&guide.locale.to_ascii_lowercase())
        {
            problems.push(format!(
                "locale {}: `ms.contentlocale: {}` does not match the file name",
                guide.locale, guide.front_matter.content_locale
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn problems_mention(problems: &[String], locale: &str, id: &str) -> bool {
    let prefix = format!("locale {locale}: lacks section `{id}`");
    problems.iter().any(|p| p.starts_with(&prefix))
}

fn names(guides: &[&Guide], keep: impl Fn(&Guide) -> bool) -> String {
    let kept: Vec<&str> = guides
        .iter()
        .filter(|g| keep(g))
        .map(|g| g.locale)
        .collect();
    kept.join(", ")
}

fn have(list: &str) -> &'static str {
    if list.contains(',') {
        "have"
    } else {
        "has"
    }
}
