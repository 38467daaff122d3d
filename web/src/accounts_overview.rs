//! The accounts overview: the viewer's CPP accounts with their migration status.

use assistant_core::account::{Account, MigrationStatus};
use leptos::prelude::*;

use crate::client::ClientError;
use crate::i18n::Locale;

fn status_text(locale: Locale, status: MigrationStatus) -> &'static str {
    match status {
        MigrationStatus::NotMigrated => locale.status_not_migrated(),
        MigrationStatus::InProgress => locale.status_in_progress(),
        MigrationStatus::Migrated => locale.status_migrated(),
        MigrationStatus::Failed => locale.status_failed(),
    }
}

/// The list of accounts, or what stands in for it while it loads or when it could not.
#[component]
pub fn AccountsOverview(
    /// The accounts: `None` while loading.
    accounts: Signal<Option<Result<Vec<Account>, ClientError>>>,
    /// Loads them again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let locale = expect_context::<RwSignal<Locale>>();
    view! {
        <h2 class="pma-heading-l">{move || locale.get().accounts_heading()}</h2>
        {move || match accounts.get() {
            None => view! { <p class="pma-body" role="status">{locale.get().accounts_loading()}</p> }.into_any(),
            Some(Err(_)) => view! {
                <div class="pma-problem" role="alert">
                    <p class="pma-body">{locale.get().accounts_load_failed()}</p>
                    <button type="button" class="pma-button pma-button--secondary" on:click=move |_| on_retry.run(())>
                        {locale.get().try_again()}
                    </button>
                </div>
            }
            .into_any(),
            Some(Ok(list)) => view! {
                <ul class="pma-account-list">
                    {list
                        .into_iter()
                        .map(|account| {
                            let status = account.migration_status;
                            view! {
                                <li class="pma-account-list__item" data-account=account.id.0.clone()>
                                    <h3 class="pma-heading-m pma-account-list__name">{account.name}</h3>
                                    <strong class="pma-tag">{move || status_text(locale.get(), status)}</strong>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        }}
    }
}
