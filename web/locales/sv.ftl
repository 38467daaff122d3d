## Skalet: det som varje sida visar.

-product = Migreringsassistent för Partnercenter
-partner-center = Partnercenter

app-name = { -product }
skip-to-content = Hoppa till huvudinnehållet
language-switcher-label = Språk
start-heading = Flytta ditt konto till { -partner-center }
start-lead = Tjänsten leder dig steg för steg genom flytten av ditt utgivarkonto från Cloud Partner Portal till { -partner-center }, och av dina erbjudanden för Dynamics 365 och PowerApps.

## Kontoöversikten.

accounts-heading = Dina konton
accounts-loading = Hämtar dina konton …
accounts-load-failed = Dina konton kunde inte hämtas. Kontrollera anslutningen och försök igen.
try-again = Försök igen
status-not-migrated = Inte migrerat
status-in-progress = Migrering pågår
status-migrated = Migrerat
status-failed = Migreringen misslyckades

## Demoläget.

demo-marker = Demodata
demo-explanation = Den här kopian använder demodata som sparas i din webbläsare. Ingenting skickas någonstans.
demo-reset = Återställ demodata
