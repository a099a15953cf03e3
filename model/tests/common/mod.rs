//! What the model tests share: a complete, valid draft to vary, and the property tests' strategies.
#![allow(dead_code)]

use fasttrack_model::*;
use proptest::prelude::*;

pub const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 22,
};

pub fn valid_customer() -> Draft {
    Draft {
        requester_kind: "customer".into(),
        products: vec!["exchange-online".into(), "microsoft-teams".into()],
        deployment_date: "2027-03-01".into(),
        data_migration: true,
        user_adoption: true,
        project_name: "Contoso move to Microsoft 365".into(),
        service_location: "BR".into(),
        language: "pt-BR".into(),
        licences: "1200".into(),
        comments: String::new(),
        requester: PersonDraft {
            name: "Ana Souza".into(),
            email: "ana@contoso.com".into(),
            phone: "+55 11 4000 1234".into(),
            job_title: "IT manager".into(),
        },
        primary_contact: ContactDraft {
            same_as_requester: "yes".into(),
            ..Default::default()
        },
        business_sponsor: ContactDraft {
            same_as_requester: "no".into(),
            name: "Bruno Lima".into(),
            email: "bruno@contoso.com".into(),
        },
        ..Draft::default()
    }
}

pub fn valid_partner() -> Draft {
    Draft {
        requester_kind: "partner".into(),
        customer_id_kind: "domain".into(),
        customer_id: "Contoso.onmicrosoft.com".into(),
        ..valid_customer()
    }
}

/// The errors `validate` reports for `draft`, as (field, code) pairs.
pub fn errors(draft: &Draft) -> Vec<(Field, ErrorCode)> {
    match validate(draft, TODAY) {
        Ok(_) => Vec::new(),
        Err(list) => list.into_iter().map(|e| (e.field, e.code)).collect(),
    }
}

// ---- Strategies shared by the property tests ----

/// Any text: Unicode of every kind, control characters, and sometimes very long.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => any::<String>(),
        2 => "[ -~]{0,40}",
        1 => "\\PC{0,3000}",
        1 => (any::<char>(), 0usize..20_000).prop_map(|(c, n)| std::iter::repeat_n(c, n).collect()),
    ]
}

/// Sometimes a valid value, sometimes anything.
pub fn maybe(valid: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        1 => proptest::sample::select(valid).prop_map(str::to_owned),
        1 => any_text(),
    ]
}

pub fn any_draft() -> impl Strategy<Value = Draft> {
    let person = (
        any_text(),
        maybe(&["a@b.co"]),
        maybe(&["+44 20 7946 0000"]),
        any_text(),
    )
        .prop_map(|(name, email, phone, job_title)| PersonDraft {
            name,
            email,
            phone,
            job_title,
        });
    let contact = || {
        (maybe(&["yes", "no", ""]), any_text(), maybe(&["c@d.org"])).prop_map(
            |(same_as_requester, name, email)| ContactDraft {
                same_as_requester,
                name,
                email,
            },
        )
    };
    (
        (
            maybe(&["customer", "partner"]),
            maybe(&["name", "domain", "tpid"]),
            maybe(&["123", "x.y.com"]),
        ),
        (
            proptest::collection::vec(maybe(&["intune", "viva"]), 0..4),
            maybe(&["2027-01-01", "2026-11-22"]),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            any_text(),
            maybe(&["BR", "FR"]),
            maybe(&["en", "fr"]),
            maybe(&["150", "499", "1.000"]),
            any_text(),
        ),
        person,
        contact(),
        contact(),
    )
        .prop_map(
            |(
                (kind, id_kind, id),
                (products, date, dm, ua),
                (name, loc, lang, lic, comments),
                requester,
                primary,
                sponsor,
            )| Draft {
                requester_kind: kind,
                customer_id_kind: id_kind,
                customer_id: id,
                products,
                deployment_date: date,
                data_migration: dm,
                user_adoption: ua,
                project_name: name,
                service_location: loc,
                language: lang,
                licences: lic,
                comments,
                requester,
                primary_contact: primary,
                business_sponsor: sponsor,
            },
        )
}
