## The shell: what every screen shows.

-product = Partner Center migration assistant
-partner-center = Partner Center

app-name = { -product }
skip-to-content = Skip to main content
language-switcher-label = Language
start-heading = Move your account to { -partner-center }
start-lead = This service guides you, one step at a time, through moving your publisher account from Cloud Partner Portal to { -partner-center }, and your Dynamics 365 and PowerApps offers with it.

## The accounts overview.

accounts-heading = Your accounts
accounts-loading = Loading your accounts…
accounts-load-failed = Your accounts could not be loaded. Check your connection and try again.
try-again = Try again
status-not-migrated = Not migrated
status-in-progress = Migration in progress
status-migrated = Migrated
status-failed = Migration failed

## The demo backend.

demo-marker = Demo data
demo-explanation = This copy runs on demo data kept in your browser. Nothing is sent anywhere.
demo-reset = Reset demo data
