## The shell: what every screen shows.

-product = Partner Center migration assistant
-partner-center = Partner Center
-cpp = Cloud Partner Portal

app-name = { -product }
page-title = { $page } – Account migration
title-with-error = Error: { $page } – Account migration
skip-to-content = Skip to main content
language-switcher-label = Language
loading = Loading…
back = Back
continue-button = Continue
checking = Checking…
saving = Saving…
try-again = Try again
problem-heading = There is a problem
error-prefix = Error:
opens-in-new-tab = (opens in new tab)
important = Important
print-page = Print this page
progress-is-saved = Your answers are saved as you go. You can close this page and come back later.
progress-discarded = We could not use your saved answers for this account, so you are starting again. Nothing was sent.
progress-not-saved = Your browser is not saving your answers. Keep this page open until you finish.
draft-expired = Your saved answers for this account were deleted because you had not changed them for 30{"\u00A0"}days. Nothing was sent.
draft-removed = On another device, you deleted your saved answers for this account. Nothing was sent.
which-answers-heading = Which answers do you want to use?
which-answers-changed-today = You also changed your answers on another device today at { $time }.
which-answers-changed-on = You also changed your answers on another device on { $date } at { $time }.
which-answers-other-deleted = The other answers will be deleted.
which-answers-take-other = Use the answers from the other device
which-answers-keep-here = Use the answers on this device
forget-answers-button = Delete my answers
forget-answers-confirm-here = Your answers for this account will be deleted from this browser. You will have to start again.
forget-answers-confirm-everywhere = Your answers for this account will be deleted from this browser and from your other devices. You will have to start again.
forget-answers-yes = Delete my answers
forget-answers-cancel = Keep my answers

## What can go wrong with a call.

error-timeout = The service is taking too long to respond. Try again.
error-network = The service could not be reached. Check your internet connection, then try again.
error-malformed = The service sent a response we could not read. Try again. If it happens again, open a support ticket.
error-server = Something went wrong on the service's side. Try again in a few minutes.
error-too-many-requests = Too many attempts. Wait 1{"\u00A0"}minute, then try again.
error-unauthorized = Your sign-in has expired. Sign in again to continue.
error-account-not-found = We cannot find this account. Check that you are signed in as the right person.
error-not-owner = Only a user with the Owner role on this account can migrate it.
error-already-migrated = This account is already migrated.
error-conflict = A migration of this account is already under way.
# After a problem on a page where the person has given answers.
answers-kept = Your answers are kept.

## The accounts overview.

overview-title = Your accounts
start-heading = Migrate your account to { -partner-center }
start-lead = This assistant helps you migrate your publisher account from { -cpp } to { -partner-center }, one question at a time. It then takes you through moving your Dynamics 365 and PowerApps offers.
accounts-heading = Your accounts
accounts-loading = Loading your accounts…
accounts-none = No { -cpp } account lists you as one of its users.
accounts-none-unverified = We cannot show accounts for { $email } because your sign-in does not confirm that this email address is yours.
accounts-none-what-to-do = Sign out, then sign in with the work account or Microsoft account you sign in to { -cpp } with.
account-loading = Loading the account…
status-not-migrated = Not migrated
status-in-progress = Migration in progress
status-migrated = Migrated
status-failed = Migration failed
start-migration = Start migration
continue-migration = Continue migration
must-migrate-banner = { $total ->
    [one] Your account must be migrated to { -partner-center }
   *[other] { $count ->
        [one] 1 of your { $total } accounts must be migrated to { -partner-center }
       *[other] { $count } of your { $total } accounts must be migrated to { -partner-center }
    }
}
must-migrate-explanation = You will need to enter your work email address. If an account has no MPN ID, or one that is not valid, you will also need to join the Microsoft Partner Network.
must-migrate-offers-deadline = Do you have Dynamics 365 Customer Engagement, PowerApps or Dynamics 365 Operations offers? Then choose Submit for each of them in { -partner-center } by { $date }.
migration-of-account = for { $account }
not-owner-explanation = Only a user with the Owner role can migrate { $account }. Ask an owner of the account to do it.
migrated-explanation = This account is managed in { -partner-center }. Changes you make there, such as adding or removing users, are synchronised back to { -cpp }.
manage-in-partner-center = Manage { $account } in { -partner-center }
see-migration-status = Check the migration's progress
offers-checklist-link = Move your Dynamics 365 and PowerApps offers
offers-checklist-link-account = for { $account }

## The work email question.

work-email-title = Work email
work-email-question = What is your work email address?
work-email-hint = You will sign in to { -partner-center } with this address. In most cases it is the address you sign in to { -cpp } with, so we have filled that in. Use your work email address, not a personal one.
work-email-hint-tenant = You will sign in to { -partner-center } with this address. In most cases it is the address you sign in to { -cpp } with, so we have filled that in. It must be an email address at { $tenant }, where your MPN ID is registered.
work-email-microsoft-account = You sign in to { -cpp } with a personal Microsoft account ({ $email }). { -partner-center } needs your work email address instead. It must be an email address at { $tenant }, the Microsoft Entra tenant where your MPN ID is registered.
work-email-microsoft-account-no-tenant = You sign in to { -cpp } with a personal Microsoft account ({ $email }). { -partner-center } needs your work email address instead.
checking-email = Checking your email address
did-you-mean = Did you mean
error-email-empty = Enter your work email address.
error-email-too-long = Email address must be 254{"\u00A0"}characters or fewer.
error-email-whitespace = Email address must not contain spaces.
error-email-invisible-character = Email address contains an invisible character. Type it again.
error-email-format = Enter an email address in the correct format, like name@{ $example }.
error-email-consumer = Enter a work email address, like name@{ $example }, not a personal address from a service such as Outlook.com or Gmail.
error-email-same-as-microsoft = Enter a work email address, not the address of the Microsoft account you sign in with.
error-email-tenant-mismatch = Enter an email address at { $tenant }, where your MPN ID is registered.

## The MPN ID question.

mpn-title = MPN ID
mpn-question = Which MPN ID should { -partner-center } use?
mpn-keep = { $id }, the MPN ID on your account (registered to { $tenant })
mpn-use-another = Another MPN ID
mpn-new-label = Your new MPN ID
mpn-new-hint = The number your company was given when it joined the Microsoft Partner Network. Enter 6 to 8{"\u00A0"}digits.
checking-mpn = Looking up your MPN ID
enrol-title = Join the Microsoft Partner Network
enrol-reason-missing = Your account has no MPN ID.
enrol-reason-malformed = The MPN ID on your account, { $id }, is not a valid MPN ID.
enrol-reason-not-found = The MPN ID on your account, { $id }, was not found in the Microsoft Partner Network.
enrol-reason-inactive = The MPN ID on your account, { $id }, is not active in the Microsoft Partner Network.
enrol-why = Companies that want to work with Microsoft must join the Microsoft Partner Network and get an MPN ID. You do this as part of migrating your account.
enrol-how-heading = How to get an MPN ID
enrol-step-sign-up = Join the Microsoft Partner Network
enrol-step-wait = When you have joined, you get an MPN ID. Note it down: you will enter it on this page.
enrol-step-come-back = Come back here and enter it below. Your answers are kept, so you can do it later.
enrol-more = More about the Microsoft Partner Network:
enrol-membership-link = Membership of the Microsoft Partner Network
isv-resource-hub-link = ISV Resource Hub
error-mpn-empty = Enter your MPN ID.
error-mpn-not-digits = MPN ID must only include numbers 0 to 9.
error-mpn-wrong-length = { $digits ->
    [one] You entered 1{"\u00A0"}digit. Check your MPN ID and enter 6 to 8{"\u00A0"}digits.
   *[other] You entered { $digits }{"\u00A0"}digits. Check your MPN ID and enter 6 to 8{"\u00A0"}digits.
}
error-mpn-too-long = You entered too many characters. Check your MPN ID and enter 6 to 8{"\u00A0"}digits.
error-mpn-not-found = We cannot find this MPN ID in the Microsoft Partner Network. Check it or enter another.
error-mpn-inactive = This MPN ID is not active in the Microsoft Partner Network. Check it or enter another.
error-too-many-attempts = { $seconds ->
    [one] Too many attempts. Wait 1{"\u00A0"}second, then try again. Your answers are kept.
   *[other] Too many attempts. Wait { $seconds }{"\u00A0"}seconds, then try again. Your answers are kept.
}

## Check your answers.

check-answers-title = Check your answers before you migrate your account
answer-account = Account
answer-work-email = Work email
answer-work-email-lower = work email
answer-mpn-id = MPN ID
mpn-with-tenant = { $id } ({ $tenant })
change = Change
migrate-heading = Now migrate your account
migrate-explanation = Once the account is migrated, you manage it in { -partner-center }. Changes you make there, such as adding or removing users, are synchronised back to { -cpp }.
migrate-button = Migrate account
migrating = Migrating…
migration-starting = Starting the migration

## The migration under way.

migration-title = Migrating your account
migration-checking = Checking the migration's progress…
migration-in-progress = { -partner-center } is migrating your account.
migration-in-progress-announcement = Migration in progress
migration-can-leave = You can leave this page. The migration continues, and you can come back to check its progress.
migration-done = The migration is complete.
migration-failed-title = The migration failed
migration-failed = { -partner-center } could not migrate the account. Nothing was changed. Check your answers and try again.
migration-check-and-retry = Check your answers and try again
migration-not-started-title = Your migration has not started
migration-not-started = Your request to migrate did not reach the service. Choose Migrate account again. Your account will not be migrated twice.

## The confirmation.

confirmation-title = Account migrated
confirmation-reference = Your reference number
what-happens-next = What happens next
confirmation-next = You now manage { $account } in { -partner-center }. Changes you make there, such as adding or removing users, are synchronised back to { -cpp }.
confirmation-offers-heading = Move your offers too
confirmation-offers = You have Dynamics 365 Customer Engagement, PowerApps or Dynamics 365 Operations offers. Move them to { -partner-center } too, and choose Submit for each of them by { $date }.
open-offers-checklist = Open the offers checklist

## The offers checklist.

checklist-title = Move your Dynamics 365 and PowerApps offers
checklist-lead = Complete these steps by the deadline so that your offers stay available to customers. This does not apply to Dynamics 365 Business Central offers.
checklist-loading = Loading your offers…
checklist-no-offers = This checklist does not apply to any of your offers. It applies only to Dynamics 365 Customer Engagement, PowerApps and Dynamics 365 Operations offers.
deadline-label = Deadline:
deadline-days-left = { $days ->
    [one] 1{"\u00A0"}day left
   *[other] { $days }{"\u00A0"}days left
}
deadline-today = Due today
deadline-overdue = { $days ->
    [one] Passed 1{"\u00A0"}day ago
   *[other] Passed { $days }{"\u00A0"}days ago
}
deadline-passed-explanation = The deadline has passed, so your offers' availability may be affected. Complete the steps anyway.
progress-label = Checklist progress
progress-done = { $done } of { $total } done
tick-saved = Your change is saved.
next-action = Next step
tick-not-saved = Your change could not be saved, so we have undone it.
excluded-heading = Offers this checklist does not apply to
excluded-business-central = this checklist does not apply to Dynamics 365 Business Central offers.
excluded-other-type = this checklist applies only to Dynamics 365 Customer Engagement, PowerApps and Dynamics 365 Operations offers.
state-done-verified = Completed – verified by { -partner-center }
state-done-by-you = Completed – ticked by you
state-in-progress = In progress
state-to-do = Not yet started
state-blocked = Cannot start yet
step-pmc-title = Confirm that your Partner Membership Center account has been migrated
step-pmc-guidance = If your MPN membership account was created in the Partner Membership Center, sign in to { -partner-center }. If you see a profile page with your MPN ID, it has been migrated. If not, start its migration by following the Partner Membership Center's instructions.
step-marketplace-title = Enrol in the commercial marketplace
step-marketplace-guidance = Open the Commercial Marketplace overview in { -partner-center }. If you see Commercial Marketplace in the left navigation, you are enrolled. If not, enrol now.
step-appsource-title = Check that each offer is listed in AppSource
step-appsource-guidance = Search AppSource for each of your offers. If an offer is not listed there, create a new offer for it in { -partner-center }. Create a Dynamics 365 Customer Engagement offer (also for PowerApps offers) or a Dynamics 365 Operations offer.
step-addendum-title = Accept the ISV addendum for business applications
step-addendum-guidance = On the Agreements page, review and accept the ISV addendum for business applications.
step-billing-title = Complete your billing profile
step-billing-guidance = In your { -partner-center } account settings, fill in every part of your billing profile.
step-submit-title = Submit every offer for certification and publishing
step-submit-guidance-screens = Submit every offer, new and existing, even if it was certified before. Fill in the offer's pages, provide your app for certification and add the marketing material. Then choose Submit at the top right of the screen.
step-submit-deadline = Choose Submit for each offer by { $date }, so that its availability is not affected.
step-submit-guidance-premium = If you are eligible, you can request the premium tier as you submit the offer.
step-submit-guidance-platform = To be certified, your app must support the latest version of the business applications platform.
step-submit-guidance-go-live = When your app is approved, you get an email. Return to the offer and choose Go live, so that it appears in Microsoft AppSource.
link-pmc-profile = Check your profile in { -partner-center }
link-pmc-migration = Start the migration in the Partner Membership Center
link-pmc-support = Get support for migrating your Partner Membership Center account
link-marketplace-overview = Open the Commercial Marketplace overview
link-marketplace-enrol = Enrol in the commercial marketplace
link-appsource = Search AppSource
link-new-customer-engagement = Create a Dynamics 365 Customer Engagement offer
link-new-operations = Create a Dynamics 365 Operations offer
link-agreements = Open the Agreements page
link-billing = Open your billing profile
task-pmc = Confirm that the Partner Membership Center account has been migrated
task-marketplace = Enrol in the commercial marketplace
task-listed = Check that { $offer } is listed in AppSource
task-create-customer-engagement = Create a Dynamics 365 Customer Engagement offer for { $offer }
task-create-operations = Create a Dynamics 365 Operations offer for { $offer }
task-addendum = Accept the ISV addendum for business applications
task-billing = Complete the billing profile
task-submit = Submit { $offer } for certification and publishing
task-go-live = Choose Go live for { $offer }
tick-pmc = Has your Partner Membership Center account been migrated to { -partner-center }?
tick-marketplace = Have you enrolled in the commercial marketplace?
tick-created = Have you created the new offer?
tick-addendum = Have you accepted the addendum?
tick-billing = Have you completed the billing profile?
tick-done = Have you done this?
tick-yes = Yes

## Help and next steps.

help-title = Help and next steps
help-get-help-heading = Get help
help-community-call = Join the weekly Dynamics ISV community call
help-community-call-hint = For support and updates.
help-support-ticket = Open a support ticket
help-support-ticket-hint = For problems with publishing, certification or managing your offers.
help-mpn-heading = The Microsoft Partner Network
help-next-heading = When your account is migrated and your offers are moved
help-next = From then on, you manage your commercial marketplace account in { -partner-center }.
help-manage-marketplace = Manage your commercial marketplace account
not-found-title = Page not found
not-found-text = If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.
go-to-accounts = Go to your accounts

## The demo backend.

demo-marker = Demo data
demo-explanation = This version runs on demo data kept in your browser. Nothing is sent anywhere.
demo-reset = Reset demo data

## Signing in (the standalone app with a sign-in of its own).

sign-in-start-need = You will need
sign-in-start-need-account = the work account or Microsoft account you sign in to { -cpp } with
sign-in-start-need-mpn = your MPN ID, if you have one
sign-in-button = Sign in
sign-in-again-button = Sign in again
signing-in = Signing in…
signed-in-as = Signed in as { $name }
sign-out-button = Sign out
sign-out-hint = Signing out removes your saved answers from this browser.
sign-in-cancelled-title = You cancelled signing in
sign-in-cancelled-text = You need to sign in to use the assistant. Nothing was sent.
sign-in-ended-title = Your sign-in has expired
sign-in-ended-text = Sign in again to continue. Your answers are kept.
sign-in-unreachable-title = We could not reach the sign-in service
sign-in-unreachable-text = Try again later. Your answers are kept.
sign-in-not-started-here-title = This sign-in was not started here
sign-in-not-started-here-text = It may have been started in another tab or window, or it is too old. Sign in again from here.
sign-in-refused-title = We could not sign you in
sign-in-refused-text = The sign-in service did not accept this sign-in. Try again. If it happens again, open a support ticket.
