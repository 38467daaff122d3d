## Skalet: det som varje sida visar.

-product = Migreringsassistent för Partnercenter
-partner-center = Partnercenter

app-name = { -product }
skip-to-content = Hoppa till huvudinnehållet
language-switcher-label = Språk
start-heading = Flytta ditt konto till { -partner-center }
start-lead = Tjänsten leder dig steg för steg genom flytten av ditt utgivarkonto från Cloud Partner Portal till { -partner-center }, och av dina erbjudanden för Dynamics 365 och PowerApps.
