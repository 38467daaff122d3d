//! Email address syntax: the practical subset of RFC 5321/5322 that mail systems accept.
//!
//! One `@`; a local part of at most 64 bytes of letters, digits, `.` (not first, last or doubled)
//! and ``!#$%&'*+/=?^_`{|}~-``; a domain of at most 253 characters in labels of at most 63 letters,
//! digits and inner hyphens, with at least one dot. Internationalised domains are turned into their
//! ASCII (punycode) form by UTS #46, so a Unicode domain and its punycode form are the same domain.

use std::fmt;

/// Longest input looked at; anything longer is refused before any other work.
pub const MAX_INPUT_CHARS: usize = 320;
/// Longest address a mail path carries (RFC 5321: 256 octets less the angle brackets).
pub const MAX_ADDRESS_LEN: usize = 254;
const MAX_LOCAL_LEN: usize = 64;
const MAX_DOMAIN_LEN: usize = 253;
const MAX_LABEL_LEN: usize = 63;

/// The Unicode tables the address rules look up: UTS #46 (IDNA) for a domain, as browsers apply
/// it, and the lower-case mapping for a local part.
///
/// The rules here decide; these are only table lookups, which the browser already has (its URL
/// parser and `String.prototype.toLowerCase`) and which natively come from the `idna` crate and
/// the standard library ([`Uts46`]). Shipping them in the web bundle would cost kilobytes.
pub trait UnicodeTables {
    /// The lower-case ASCII form of `domain`, or `None` when UTS #46 refuses it.
    fn domain_to_ascii(&self, domain: &str) -> Option<String>;

    /// `text` mapped to lower case by the Unicode default case conversion.
    fn to_lowercase(&self, text: &str) -> String;
}

/// UTS #46 processing by the `idna` crate, as the WHATWG URL standard applies it, and the
/// standard library's lower-case mapping.
#[derive(Debug, Clone, Copy, Default)]
pub struct Uts46;

impl UnicodeTables for Uts46 {
    fn domain_to_ascii(&self, domain: &str) -> Option<String> {
        idna::domain_to_ascii(domain).ok()
    }

    fn to_lowercase(&self, text: &str) -> String {
        text.to_lowercase()
    }
}

/// A syntactically valid email address, its domain in lower-case ASCII form.
///
/// ```
/// use assistant_core::email::{EmailAddress, Uts46};
///
/// let unicode = EmailAddress::parse("ops@bücher.example", &Uts46).unwrap();
/// let punycode = EmailAddress::parse("ops@XN--BCHER-KVA.example", &Uts46).unwrap();
/// assert_eq!(unicode.domain(), "xn--bcher-kva.example");
/// assert_eq!(unicode, punycode);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress {
    local: String,
    domain: String,
}

/// Why a text is not an email address. Each variant is one thing the person can fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailError {
    /// Nothing but whitespace was given.
    Empty,
    /// Longer than any email address can be.
    TooLong,
    /// A space, tab or line break inside the address.
    ContainsWhitespace,
    /// An invisible control or formatting character.
    ControlCharacter,
    /// There is no `@`.
    MissingAt,
    /// There is more than one `@`.
    MultipleAt,
    /// Nothing before the `@`.
    MissingLocalPart,
    /// Nothing after the `@`.
    MissingDomain,
    /// The part before the `@` is longer than 64 bytes.
    LocalPartTooLong,
    /// The part before the `@` has a character or dot placement mail systems refuse.
    InvalidLocalPart,
    /// The domain has no dot (`name@example` rather than `name@example.com`).
    DomainWithoutDot,
    /// The domain is longer than 253 characters or one of its labels longer than 63.
    DomainTooLong,
    /// The domain has a character, an empty label or a hyphen placement that is not allowed.
    InvalidDomain,
}

fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c) || !c.is_ascii()
}

/// Characters that are invisible or reorder text: never part of an address someone means.
fn is_control_or_format(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

fn check_local(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(EmailError::MissingLocalPart);
    }
    if local.len() > MAX_LOCAL_LEN {
        return Err(EmailError::LocalPartTooLong);
    }
    let dots_ok = !local.starts_with('.') && !local.ends_with('.') && !local.contains("..");
    if !dots_ok || !local.chars().all(|c| c == '.' || is_atext(c)) {
        return Err(EmailError::InvalidLocalPart);
    }
    Ok(())
}

/// The lower-case ASCII form of a domain, checked label by label.
pub(crate) fn normalise_domain(
    domain: &str,
    idna: &impl UnicodeTables,
) -> Result<String, EmailError> {
    if domain.is_empty() {
        return Err(EmailError::MissingDomain);
    }
    let ascii = if domain.is_ascii() {
        domain.to_ascii_lowercase()
    } else {
        idna.domain_to_ascii(domain)
            .ok_or(EmailError::InvalidDomain)?
    };
    if ascii.len() > MAX_DOMAIN_LEN {
        return Err(EmailError::DomainTooLong);
    }
    let labels: Vec<&str> = ascii.split('.').collect();
    for label in &labels {
        if label.len() > MAX_LABEL_LEN {
            return Err(EmailError::DomainTooLong);
        }
        let ldh = label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if label.is_empty() || !ldh || label.starts_with('-') || label.ends_with('-') {
            return Err(EmailError::InvalidDomain);
        }
    }
    if labels.len() < 2 {
        return Err(EmailError::DomainWithoutDot);
    }
    if labels
        .last()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(EmailError::InvalidDomain);
    }
    Ok(ascii)
}

impl EmailAddress {
    /// Checks `input` as an email address; surrounding whitespace is ignored.
    pub fn parse(input: &str, idna: &impl UnicodeTables) -> Result<Self, EmailError> {
        if input.chars().take(MAX_INPUT_CHARS + 1).count() > MAX_INPUT_CHARS {
            return Err(EmailError::TooLong);
        }
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        if trimmed.chars().any(char::is_whitespace) {
            return Err(EmailError::ContainsWhitespace);
        }
        if trimmed.chars().any(is_control_or_format) {
            return Err(EmailError::ControlCharacter);
        }
        let (local, domain) = match trimmed.split_once('@') {
            None => return Err(EmailError::MissingAt),
            Some((_, domain)) if domain.contains('@') => return Err(EmailError::MultipleAt),
            Some(parts) => parts,
        };
        check_local(local)?;
        let domain = normalise_domain(domain, idna)?;
        if local.len() + 1 + domain.len() > MAX_ADDRESS_LEN {
            return Err(EmailError::TooLong);
        }
        Ok(Self {
            local: local.to_owned(),
            domain,
        })
    }

    /// The part before the `@`, as given.
    pub fn local_part(&self) -> &str {
        &self.local
    }

    /// The domain in lower-case ASCII (punycode) form.
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// Whether two addresses reach the same mailbox as mail systems treat them in practice
    /// (the local part compared without regard to case).
    pub fn same_mailbox(&self, other: &EmailAddress, unicode: &impl UnicodeTables) -> bool {
        self.domain == other.domain
            && (self.local.eq_ignore_ascii_case(&other.local)
                || unicode.to_lowercase(&self.local) == unicode.to_lowercase(&other.local))
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(input: &str) -> Result<EmailAddress, EmailError> {
        EmailAddress::parse(input, &Uts46)
    }

    #[test]
    fn ordinary_addresses_are_accepted_with_the_domain_in_lower_case() {
        let email = parse("  Ops.Team+cpp@Northwind.Example ").unwrap();
        assert_eq!(email.local_part(), "Ops.Team+cpp");
        assert_eq!(email.domain(), "northwind.example");
        assert_eq!(email.to_string(), "Ops.Team+cpp@northwind.example");
    }

    #[test]
    fn each_mistake_has_its_own_error() {
        let cases = [
            ("", EmailError::Empty),
            ("   ", EmailError::Empty),
            ("ops northwind.example", EmailError::ContainsWhitespace),
            ("ops@north wind.example", EmailError::ContainsWhitespace),
            ("ops\u{7}@northwind.example", EmailError::ControlCharacter),
            (
                "ops\u{202E}@northwind.example",
                EmailError::ControlCharacter,
            ),
            ("ops.northwind.example", EmailError::MissingAt),
            ("ops@@northwind.example", EmailError::MultipleAt),
            ("a@b@northwind.example", EmailError::MultipleAt),
            ("@northwind.example", EmailError::MissingLocalPart),
            ("ops@", EmailError::MissingDomain),
            (".ops@northwind.example", EmailError::InvalidLocalPart),
            ("ops.@northwind.example", EmailError::InvalidLocalPart),
            ("o..ps@northwind.example", EmailError::InvalidLocalPart),
            ("o(ps)@northwind.example", EmailError::InvalidLocalPart),
            ("ops@localhost", EmailError::DomainWithoutDot),
            ("ops@northwind..example", EmailError::InvalidDomain),
            ("ops@-northwind.example", EmailError::InvalidDomain),
            ("ops@northwind-.example", EmailError::InvalidDomain),
            ("ops@northwind_traders.example", EmailError::InvalidDomain),
            ("ops@northwind.example.", EmailError::InvalidDomain),
            ("ops@192.168.0.1", EmailError::InvalidDomain),
        ];
        for (input, error) in cases {
            assert_eq!(parse(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn lengths_are_bounded_as_mail_systems_bound_them() {
        let local = "a".repeat(64);
        assert!(parse(&format!("{local}@northwind.example")).is_ok());
        assert_eq!(
            parse(&format!("a{local}@northwind.example")),
            Err(EmailError::LocalPartTooLong)
        );
        let label = "d".repeat(63);
        assert!(parse(&format!("ops@{label}.example")).is_ok());
        assert_eq!(
            parse(&format!("ops@d{label}.example")),
            Err(EmailError::DomainTooLong)
        );
        let long_domain = format!("{label}.{label}.{label}.{label}.example");
        assert_eq!(
            parse(&format!("ops@{long_domain}")),
            Err(EmailError::DomainTooLong)
        );
        let near_limit = format!(
            "{}.{}.{}.example",
            "d".repeat(63),
            "d".repeat(63),
            "d".repeat(60)
        );
        assert_eq!(
            parse(&format!("{local}@{near_limit}")),
            Err(EmailError::TooLong)
        );
    }

    #[test]
    fn huge_input_is_refused_at_once() {
        assert_eq!(parse(&"a@".repeat(1_000_000)), Err(EmailError::TooLong));
    }

    #[test]
    fn a_unicode_domain_and_its_punycode_form_are_the_same_domain() {
        let unicode = parse("ops@Bücher.example").unwrap();
        let punycode = parse("ops@xn--bcher-kva.EXAMPLE").unwrap();
        assert_eq!(unicode.domain(), "xn--bcher-kva.example");
        assert_eq!(unicode, punycode);
    }

    #[test]
    fn a_domain_idna_refuses_is_invalid() {
        assert_eq!(
            parse("ops@a\u{FFFD}b.example"),
            Err(EmailError::InvalidDomain)
        );
    }

    #[test]
    fn same_mailbox_ignores_the_case_of_the_local_part() {
        let a = parse("Northwind.Publisher@Outlook.com").unwrap();
        let b = parse("northwind.publisher@outlook.com").unwrap();
        assert!(a.same_mailbox(&b, &Uts46));
        assert!(!a.same_mailbox(&parse("other@outlook.com").unwrap(), &Uts46));
        let swedish = parse("Åsa.Öberg@contoso.example").unwrap();
        assert!(swedish.same_mailbox(&parse("åsa.öberg@contoso.example").unwrap(), &Uts46));
        assert!(!swedish.same_mailbox(&parse("asa.oberg@contoso.example").unwrap(), &Uts46));
    }
}
