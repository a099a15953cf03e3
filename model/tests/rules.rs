//! Each rule with valid and invalid edge cases.

mod common;
use common::*;
use fasttrack_model::{
    validate, validate_step, AssistanceRequest, Contact, ContactDraft, CustomerRef, Draft,
    ErrorCode, FastTrackLanguage, Field, Product, Step, REGIONS, SCHEMA_VERSION,
};

fn with(change: impl FnOnce(&mut Draft)) -> Vec<(Field, ErrorCode)> {
    let mut d = valid_customer();
    change(&mut d);
    errors(&d)
}

fn partner_with(change: impl FnOnce(&mut Draft)) -> Vec<(Field, ErrorCode)> {
    let mut d = valid_partner();
    change(&mut d);
    errors(&d)
}

use ErrorCode::*;
use Field::*;

#[test]
fn complete_drafts_are_valid_and_build_the_request() {
    let request = validate(&valid_customer(), TODAY).expect("valid");
    assert_eq!(request.schema_version, SCHEMA_VERSION);
    assert_eq!(request.customer, None);
    assert_eq!(
        request.products,
        [Product::ExchangeOnline, Product::MicrosoftTeams]
    );
    assert_eq!(request.organisation.licences, 1200);
    assert_eq!(request.primary_contact, Contact::SameAsRequester {});
    assert_eq!(request.comments, None);
    let partner = validate(&valid_partner(), TODAY).expect("valid");
    assert_eq!(
        partner.customer,
        Some(CustomerRef {
            identified_by: fasttrack_model::CustomerIdKind::Domain,
            value: "contoso.onmicrosoft.com".into()
        })
    );
}

#[test]
fn a_domain_is_sent_with_its_ascii_letters_lower_cased_as_dns_compares_them() {
    for (typed, sent) in [
        ("Contoso.OnMicrosoft.COM.", "contoso.onmicrosoft.com"),
        ("contoso.XN--P1AI", "contoso.xn--p1ai"),
        // Other scripts' letters as typed (RFC 4343: DNS ignores the case of ASCII only).
        ("MÜNCHEN.DE", "mÜnchen.de"),
        ("контора.РФ", "контора.РФ"),
    ] {
        let mut d = valid_partner();
        d.customer_id = typed.into();
        let request = validate(&d, TODAY).expect(typed);
        assert_eq!(
            request.customer.map(|c| c.value),
            Some(sent.into()),
            "{typed}"
        );
    }
}

#[test]
fn who_is_asking_is_required_and_must_be_a_known_choice() {
    assert_eq!(
        with(|d| d.requester_kind.clear()),
        [(RequesterKind, Required)]
    );
    assert_eq!(
        with(|d| d.requester_kind = "reseller".into()),
        [(RequesterKind, UnknownChoice)]
    );
}

#[test]
fn customers_are_never_asked_about_the_customer_and_send_nothing_of_it() {
    let request = validate(
        &Draft {
            customer_id_kind: "tpid".into(),
            customer_id: "not digits".into(),
            ..valid_customer()
        },
        TODAY,
    )
    .expect("hidden fields are not validated");
    assert_eq!(request.customer, None);
}

#[test]
fn partners_identify_the_customer_by_name_domain_or_tpid() {
    assert_eq!(
        partner_with(|d| d.customer_id_kind.clear()),
        [(CustomerIdKind, Required)]
    );
    assert_eq!(
        partner_with(|d| d.customer_id.clear()),
        [(CustomerId, Required)]
    );
    assert_eq!(
        partner_with(|d| d.customer_id = "   ".into()),
        [(CustomerId, Required)]
    );
    for good in [
        "contoso.onmicrosoft.com",
        "fabrikam.com.br",
        "xn--bcher-kva.example",
        "münchen.de",
        "contoso.xn--p1ai",
        "contoso.XN--P1AI",
        "contoso.рф",
        "contoso.com.",
    ] {
        assert_eq!(partner_with(|d| d.customer_id = good.into()), [], "{good}");
    }
    // 253 characters as written, the final dot included.
    let long = format!(
        "{}.{}.{}.{}.com",
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(57)
    );
    assert_eq!(long.chars().count(), 253);
    assert_eq!(partner_with(|d| d.customer_id = long.clone()), []);
    assert_eq!(
        partner_with(|d| d.customer_id = format!("{long}.")),
        [(CustomerId, InvalidDomain)]
    );
    for bad in [
        "contoso",
        "contoso..com",
        "-contoso.com",
        "contoso-.com",
        "contoso.c",
        "contoso.123",
        "con toso.com",
        "a@b.com",
        "contoso.xn--",
        "contoso.xn--p1ai-",
        "contoso.xn--p1ái",
        "contoso.com..",
    ] {
        assert_eq!(
            partner_with(|d| d.customer_id = bad.into()),
            [(CustomerId, InvalidDomain)],
            "{bad}"
        );
    }
    let tpid = |v: &str| {
        partner_with(|d| {
            d.customer_id_kind = "tpid".into();
            d.customer_id = v.into();
        })
    };
    assert_eq!(tpid("123456"), []);
    assert_eq!(tpid(" 42 "), []);
    for bad in ["12a", "-1", "1 234", "1234567890123", "١٢٣"] {
        assert_eq!(tpid(bad), [(CustomerId, InvalidTpid)], "{bad}");
    }
    let name = |v: &str| {
        partner_with(|d| {
            d.customer_id_kind = "name".into();
            d.customer_id = v.into();
        })
    };
    assert_eq!(name("Contoso Ltd"), []);
    assert_eq!(name(&"x".repeat(120)), []);
    assert_eq!(name(&"x".repeat(121)), [(CustomerId, TooLong)]);
}

#[test]
fn at_least_one_known_product() {
    assert_eq!(with(|d| d.products.clear()), [(Products, Required)]);
    assert_eq!(
        with(|d| d.products.push("notes".into())),
        [(Products, UnknownChoice)]
    );
    let request = validate(
        &Draft {
            products: vec!["intune".into(), "intune".into()],
            ..valid_customer()
        },
        TODAY,
    )
    .unwrap();
    assert_eq!(request.products, [Product::Intune]);
}

#[test]
fn the_deployment_date_is_a_real_date_after_today() {
    assert_eq!(
        with(|d| d.deployment_date.clear()),
        [(DeploymentDate, Required)]
    );
    assert_eq!(
        with(|d| d.deployment_date = "2026-11-22".into()),
        [(DeploymentDate, DateNotInFuture)]
    );
    assert_eq!(
        with(|d| d.deployment_date = "2020-01-01".into()),
        [(DeploymentDate, DateNotInFuture)]
    );
    assert_eq!(with(|d| d.deployment_date = "2026-11-23".into()), []);
    assert_eq!(
        with(|d| d.deployment_date = "2027-02-30".into()),
        [(DeploymentDate, InvalidDate)]
    );
    assert_eq!(
        with(|d| d.deployment_date = "next week".into()),
        [(DeploymentDate, InvalidDate)]
    );
}

#[test]
fn the_project_name_is_trimmed_and_at_most_80_characters() {
    assert_eq!(
        with(|d| d.project_name = "  ".into()),
        [(ProjectName, Required)]
    );
    assert_eq!(with(|d| d.project_name = "é".repeat(80)), []);
    assert_eq!(
        with(|d| d.project_name = "é".repeat(81)),
        [(ProjectName, TooLong)]
    );
    assert_eq!(
        with(|d| d.project_name = format!("  {}  ", "a".repeat(80))),
        []
    );
    assert_eq!(
        with(|d| d.project_name = "tab\there".into()),
        [(ProjectName, ControlCharacters)]
    );
    let request = validate(
        &Draft {
            project_name: "  Move  ".into(),
            ..valid_customer()
        },
        TODAY,
    )
    .unwrap();
    assert_eq!(request.organisation.project_name, "Move");
}

#[test]
fn service_location_and_language_come_from_their_lists() {
    assert_eq!(
        with(|d| d.service_location.clear()),
        [(ServiceLocation, Required)]
    );
    assert_eq!(
        with(|d| d.service_location = "XX".into()),
        [(ServiceLocation, UnknownChoice)]
    );
    assert_eq!(with(|d| d.language.clear()), [(Language, Required)]);
    assert_eq!(
        with(|d| d.language = "pt-PT".into()),
        [(Language, UnknownChoice)]
    );
    assert_eq!(FastTrackLanguage::ALL.len(), 12);
    assert!(REGIONS.contains(&"BR") && REGIONS.contains(&"FR") && REGIONS.len() == 249);
}

#[test]
fn licences_are_a_whole_number_with_eligibility_thresholds() {
    assert_eq!(with(|d| d.licences.clear()), [(Licences, Required)]);
    for bad in ["12.5", "ten", "-200", "1,00", "1.000,5", "1e3", "0x200"] {
        assert_eq!(
            with(|d| d.licences = bad.into()),
            [(Licences, NotAWholeNumber)],
            "{bad}"
        );
    }
    for good in [
        "500",
        "1 000",
        "1,000",
        "1.000",
        " 2000 ",
        "1\u{a0}000",
        "0500",
    ] {
        assert_eq!(with(|d| d.licences = good.into()), [], "{good}");
    }
    assert_eq!(
        with(|d| d.licences = "99999999999".into()),
        [(Licences, TooLong)]
    );
    // FastTrack needs 150; data migration needs 500.
    assert_eq!(
        with(|d| d.licences = "149".into()),
        [(Licences, BelowFastTrackMinimum)]
    );
    assert_eq!(
        with(|d| d.licences = "499".into()),
        [(Licences, BelowMigrationMinimum)]
    );
    assert_eq!(
        with(|d| {
            d.licences = "150".into();
            d.data_migration = false;
        }),
        []
    );
    assert_eq!(
        with(|d| d.licences = "0".into()),
        [(Licences, BelowFastTrackMinimum)]
    );
}

#[test]
fn requester_details_are_required_and_well_formed() {
    assert_eq!(
        with(|d| d.requester.name.clear()),
        [(RequesterName, Required)]
    );
    assert_eq!(
        with(|d| d.requester.job_title = "x".repeat(101)),
        [(RequesterJobTitle, TooLong)]
    );
    for good in [
        "ana@contoso.com",
        "a.b+tag@sub.contoso.com.br",
        "josé@exemplo.com.br",
        "a@b.xn--p1ai",
        "иван@пример.рф",
    ] {
        assert_eq!(with(|d| d.requester.email = good.into()), [], "{good}");
    }
    for bad in [
        "ana",
        "ana@",
        "@contoso.com",
        "ana@contoso",
        "ana@@contoso.com",
        "a b@contoso.com",
        ".ana@contoso.com",
        "ana..b@contoso.com",
        "ana@contoso..com",
        "ana@contoso.com.",
        "ana@b.xn--",
    ] {
        assert_eq!(
            with(|d| d.requester.email = bad.into()),
            [(RequesterEmail, InvalidEmail)],
            "{bad}"
        );
    }
    for good in [
        "+55 11 4000 1234",
        "+1 (425) 555-0100",
        "0033 1 23 45 67 89",
        "+4930123456",
    ] {
        assert_eq!(with(|d| d.requester.phone = good.into()), [], "{good}");
    }
    for bad in [
        "11 4000 1234",
        "+",
        "+1234567",
        "+1234567890123456",
        "+55 11 4000 12a4",
        "+(55) 11 4000 1234",
    ] {
        assert_eq!(
            with(|d| d.requester.phone = bad.into()),
            [(RequesterPhone, InvalidPhone)],
            "{bad}"
        );
    }
}

#[test]
fn contacts_are_the_requester_or_someone_named() {
    assert_eq!(
        with(|d| d.primary_contact.same_as_requester.clear()),
        [(PrimaryContactSame, Required)]
    );
    assert_eq!(
        with(|d| d.business_sponsor = ContactDraft {
            same_as_requester: "no".into(),
            ..Default::default()
        }),
        [(SponsorName, Required), (SponsorEmail, Required)]
    );
    assert_eq!(
        with(|d| d.business_sponsor.email = "bruno".into()),
        [(SponsorEmail, InvalidEmail)]
    );
    // "Same as the requester": a name typed before switching is neither checked nor sent.
    let request = validate(
        &Draft {
            business_sponsor: ContactDraft {
                same_as_requester: "yes".into(),
                name: "x".into(),
                email: "bad".into(),
            },
            ..valid_customer()
        },
        TODAY,
    )
    .unwrap();
    assert_eq!(request.business_sponsor, Contact::SameAsRequester {});
}

#[test]
fn comments_are_optional_and_at_most_2000_characters() {
    assert_eq!(
        with(|d| d.comments = "line one\nline two\ttabbed".into()),
        []
    );
    assert_eq!(with(|d| d.comments = "x".repeat(2000)), []);
    assert_eq!(
        with(|d| d.comments = "x".repeat(2001)),
        [(Comments, TooLong)]
    );
    assert_eq!(
        with(|d| d.comments = "bell\u{7}".into()),
        [(Comments, ControlCharacters)]
    );
    let request = validate(
        &Draft {
            comments: "  Please call.  ".into(),
            ..valid_customer()
        },
        TODAY,
    )
    .unwrap();
    assert_eq!(request.comments.as_deref(), Some("Please call."));
}

#[test]
fn each_step_reports_only_its_own_fields() {
    let empty = Draft::default();
    for step in Step::ALL {
        let errors = validate_step(*step, &empty, TODAY);
        assert!(!errors.is_empty(), "{step:?}");
        assert!(
            errors.iter().all(|e| step.fields().contains(&e.field)),
            "{step:?}: {errors:?}"
        );
        assert_eq!(
            validate_step(*step, &valid_partner(), TODAY),
            [],
            "{step:?}"
        );
    }
    let all = errors(&empty);
    let fields: Vec<Field> = all.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            RequesterKind,
            Products,
            DeploymentDate,
            ProjectName,
            ServiceLocation,
            Language,
            Licences,
            RequesterName,
            RequesterEmail,
            RequesterPhone,
            RequesterJobTitle,
            PrimaryContactSame,
            SponsorSame
        ]
    );
}

#[test]
fn steps_know_their_order_slugs_and_fields() {
    assert_eq!(Step::About.next(), Some(Step::Services));
    assert_eq!(Step::Contacts.next(), None);
    assert_eq!(Step::About.previous(), None);
    assert_eq!(Step::Requester.previous(), Some(Step::Organisation));
    assert_eq!(Step::Services.number(), 2);
    for step in Step::ALL {
        assert_eq!(Step::from_slug(step.slug()), Some(*step));
    }
    for field in Field::ALL {
        assert!(Step::of(*field).fields().contains(field));
        assert_eq!(Field::from_name(field.name()), Some(*field));
    }
}

#[test]
fn a_request_maps_back_to_the_draft_that_validates_to_it() {
    for draft in [valid_customer(), valid_partner()] {
        let request = validate(&draft, TODAY).unwrap();
        assert_eq!(validate(&request.to_draft(), TODAY), Ok(request));
    }
}

#[test]
fn the_wire_format_is_stable() {
    let request = validate(&valid_partner(), TODAY).unwrap();
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["requester_kind"], "partner");
    assert_eq!(json["customer"]["identified_by"], "domain");
    assert_eq!(json["products"][0], "exchange-online");
    assert_eq!(json["organisation"]["preferred_language"], "pt-BR");
    assert_eq!(json["primary_contact"]["kind"], "same_as_requester");
    assert_eq!(json["business_sponsor"]["kind"], "named");
    assert!(json.get("comments").is_none());
    let unknown = r#"{"schema_version":1,"surprise":true}"#;
    assert!(serde_json::from_str::<AssistanceRequest>(unknown).is_err());
}

#[test]
fn the_wire_refuses_what_the_schema_refuses_and_the_rules_would_drop() {
    let valid = serde_json::to_value(validate(&valid_customer(), TODAY).unwrap()).unwrap();
    let read = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut body = valid.clone();
        change(&mut body);
        serde_json::from_value::<AssistanceRequest>(body).map_err(|e| e.to_string())
    };
    assert!(read(&|_| {}).is_ok());
    // Each product once (`uniqueItems`): the rules would keep the first.
    let twice = read(&|b| b["products"] = serde_json::json!(["intune", "viva", "intune"]));
    assert!(twice
        .unwrap_err()
        .contains("product `intune` is listed twice"));
    // A customer on partners' requests only: the rules would ignore it.
    let customer = read(&|b| {
        b["customer"] = serde_json::json!({"identified_by": "name", "value": "Contoso"});
    });
    assert!(customer
        .unwrap_err()
        .contains("a customer admin's request has no `customer`"));
    assert!(read(&|b| b["customer"] = serde_json::Value::Null).is_ok());
    // "Same as the requester" has nothing beside its kind.
    let named_too = read(&|b| {
        b["primary_contact"] = serde_json::json!({"kind": "same_as_requester", "name": "Ana"});
    });
    assert!(named_too.unwrap_err().contains("unknown field `name`"));
}

#[test]
fn answers_of_only_invisible_characters_are_empty() {
    for blank in [
        "\u{200B}",
        " \u{200D}\u{FEFF} ",
        "\u{202E}",
        "\u{2060}\u{00AD}",
    ] {
        assert_eq!(
            with(|d| d.requester.name = blank.into()),
            [(RequesterName, Required)],
            "{blank:?}"
        );
        assert_eq!(
            with(|d| d.project_name = blank.into()),
            [(ProjectName, Required)],
            "{blank:?}"
        );
        assert_eq!(
            with(|d| d.requester.email = blank.into()),
            [(RequesterEmail, Required)],
            "{blank:?}"
        );
        assert_eq!(
            with(|d| d.licences = blank.into()),
            [(Licences, Required)],
            "{blank:?}"
        );
        // An optional answer of nothing visible is not sent.
        let mut d = valid_customer();
        d.comments = blank.into();
        assert_eq!(validate(&d, TODAY).expect("valid").comments, None);
    }
    // Invisible characters around a real answer are trimmed like spaces.
    let mut d = valid_customer();
    d.requester.name = "\u{200B}Ana Souza\u{FEFF}".into();
    assert_eq!(
        validate(&d, TODAY).expect("valid").requester.name,
        "Ana Souza"
    );
}

#[test]
fn bidi_overrides_are_refused_in_names_and_email_addresses() {
    // "Trojan Source": an override makes the name read differently from what is sent.
    for name in [
        "Ana \u{202E}azuoS",
        "Ana\u{2066} Souza\u{2069}",
        "Ana \u{202A}Souza",
    ] {
        assert_eq!(
            with(|d| d.requester.name = name.into()),
            [(RequesterName, ControlCharacters)],
            "{name:?}"
        );
        assert_eq!(
            with(|d| d.business_sponsor.name = name.into()),
            [(SponsorName, ControlCharacters)],
            "{name:?}"
        );
    }
    for email in [
        "ana\u{202E}@contoso.com",
        "an\u{200B}a@contoso.com",
        "ana@con\u{2066}toso.com",
    ] {
        assert_eq!(
            with(|d| d.requester.email = email.into()),
            [(RequesterEmail, InvalidEmail)],
            "{email:?}"
        );
    }
    // Joiners inside a name are part of some scripts: kept.
    let mut d = valid_customer();
    d.requester.name = "می\u{200C}خواهم".into();
    assert!(validate(&d, TODAY).is_ok());
}
