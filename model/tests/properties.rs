//! Property tests: validation never panics, whatever is typed; valid requests survive JSON.

mod common;
use common::*;
use fasttrack_model::*;
use proptest::prelude::*;

const CASES: u32 = 10_000;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn validation_never_panics_and_steps_agree_with_the_whole(draft in any_draft()) {
        let whole = validate(&draft, TODAY);
        let by_step: Vec<FieldError> = Step::ALL
            .iter()
            .flat_map(|s| validate_step(*s, &draft, TODAY))
            .collect();
        match &whole {
            Ok(request) => {
                prop_assert!(by_step.is_empty());
                // What a receiver does: the same rules over the request's answers.
                prop_assert_eq!(validate(&request.to_draft(), TODAY), Ok(request.clone()));
            }
            Err(errors) => prop_assert_eq!(errors, &by_step),
        }
    }

    #[test]
    fn licences_never_panic(text in any_text()) {
        let _ = parse_licences(&text);
    }

    #[test]
    fn a_valid_request_survives_a_json_round_trip(
        name in "\\PC{1,80}",
        comments in "\\PC{0,300}",
        licences in 500u32..=10_000_000,
        email_user in "[a-z0-9._%+-]{1,20}",
        product_ids in proptest::collection::vec(0usize..22, 1..6),
        partner in any::<bool>(),
    ) {
        let draft = Draft {
            project_name: name,
            comments,
            licences: licences.to_string(),
            products: product_ids.iter().map(|i| Product::ALL[*i].code().to_owned()).collect(),
            requester: PersonDraft { email: format!("{}x@contoso.com", email_user.trim_matches('.').replace("..", ".")), ..valid_customer().requester },
            ..if partner { valid_partner() } else { valid_customer() }
        };
        if let Ok(request) = validate(&draft, TODAY) {
            let json = serde_json::to_string(&request).unwrap();
            let back: AssistanceRequest = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, request);
        }
    }
}

#[test]
fn the_round_trip_property_sees_valid_requests() {
    // Guards the property above against vacuity: its generator yields valid requests.
    assert!(validate(&valid_customer(), TODAY).is_ok());
    assert!(validate(&valid_partner(), TODAY).is_ok());
}
