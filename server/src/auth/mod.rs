//! The viewer: who a request's bearer token signs in as.

mod keys;
pub mod oidc;

use std::sync::Arc;

use assistant_core::account::{Account, SignIn};
use assistant_core::api::ProblemCode;
use assistant_core::identity::Invitation;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::AppState;
use crate::problem::ApiError;

/// The token of an `Authorization: Bearer <token>` header; the scheme's name is
/// case-insensitive (RFC 9110). `None` for any other header, or one that is not visible ASCII.
fn bearer_token(header: Option<&[u8]>) -> Option<&str> {
    let value = std::str::from_utf8(header?).ok()?;
    if !value.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
        return None;
    }
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim_start();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// How the API knows who calls it.
pub enum Authentication {
    /// The demo users' fixed tokens (`demo-owner`, `demo-newcomer`).
    Demo,
    /// JWT access tokens of an OpenID provider.
    Oidc(Arc<oidc::Verifier>),
}

/// The signed-in user of a request; requests without a valid token are refused with 401.
pub struct Viewer {
    /// The user's id in the store: a demo user's name, or a person's identity
    /// (`assistant_core::identity::Identity::key`), never an address.
    pub id: String,
    /// The sign-in the user's token shows; `None` for a demo user, whose accounts keep their
    /// stored sign-in.
    pub sign_in: Option<SignIn>,
}

impl Viewer {
    /// An account as this viewer sees it.
    pub fn sees(&self, account: Account) -> Account {
        match &self.sign_in {
            Some(sign_in) => account.seen_by(sign_in),
            None => account,
        }
    }
}

impl FromRequestParts<Arc<AppState>> for Viewer {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer_token(parts.headers.get(AUTHORIZATION).map(|v| v.as_bytes()))
            .ok_or(ProblemCode::Unauthorized)?;
        match &state.authentication {
            Authentication::Demo => {
                let id = state
                    .store()
                    .user_for_token(token)?
                    .ok_or_else(ApiError::invalid_token)?;
                Ok(Viewer { id, sign_in: None })
            }
            Authentication::Oidc(verifier) => match verifier.verify(token).await {
                Ok(person) => {
                    let id = person.identity.key();
                    if let Some(address) = &person.address {
                        accept_invitations(state, &id, address, person.address_verified)?;
                    }
                    Ok(Viewer {
                        id,
                        sign_in: Some(SignIn {
                            kind: person.kind,
                            email: person.address.unwrap_or_default(),
                        }),
                    })
                }
                Err(oidc::Refusal(why)) => {
                    tracing::info!(%why, "refused an access token");
                    Err(ApiError::invalid_token())
                }
            },
        }
    }
}

/// Takes the invitations to `address` that `person` may take; logs those another identity took
/// first (a token carrying someone else's address gets nothing, and it is worth knowing).
fn accept_invitations(
    state: &AppState,
    person: &str,
    address: &str,
    verified: bool,
) -> Result<(), ApiError> {
    for (account, outcome) in state
        .store()
        .accept_invitations(person, address, verified)?
    {
        match outcome {
            Invitation::Binds => {
                tracing::info!(%person, %account, "an invitation bound to its first verified identity");
            }
            Invitation::TakenByAnother => {
                tracing::warn!(
                    %person, %account,
                    "a token carries the address of an invitation another identity took: it gets nothing"
                );
            }
            Invitation::Theirs | Invitation::Unverified => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::bearer_token;

    #[test]
    fn the_bearer_scheme_is_read_in_any_case() {
        for header in [
            "Bearer demo-owner",
            "bearer demo-owner",
            "BEARER  demo-owner",
            " Bearer demo-owner ",
        ] {
            assert_eq!(
                bearer_token(Some(header.as_bytes())),
                Some("demo-owner"),
                "{header:?}"
            );
        }
    }

    #[test]
    fn other_and_malformed_headers_carry_no_token() {
        for header in [
            &b"Basic ZGVtbzpkZW1v"[..],
            b"Bearer",
            b"Bearer ",
            b"Bearerdemo-owner",
            b"Bearer demo\towner",
            b"Bearer \xff\xfe",
            b"",
        ] {
            assert_eq!(bearer_token(Some(header)), None, "{header:?}");
        }
        assert_eq!(bearer_token(None), None);
    }
}
