## The shell: what every screen shows.

-product = Partner Center migration assistant
-partner-center = Partner Center

app-name = { -product }
skip-to-content = Skip to main content
language-switcher-label = Language
start-heading = Move your account to { -partner-center }
start-lead = This service guides you, one step at a time, through moving your publisher account from Cloud Partner Portal to { -partner-center }, and your Dynamics 365 and PowerApps offers with it.
