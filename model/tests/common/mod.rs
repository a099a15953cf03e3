//! A complete, valid draft to vary in tests.
#![allow(dead_code)]

use fasttrack_model::*;

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
