## Skalet: det som varje sida visar.

-product = Migreringsassistent för Partnercenter
-partner-center = Partnercenter
-cpp = Cloud Partner Portal

app-name = { -product }
page-title = { $page } – Kontomigrering
title-with-error = Fel: { $page } – Kontomigrering
skip-to-content = Hoppa till huvudinnehållet
language-switcher-label = Språk
loading = Läser in…
back = Tillbaka
continue-button = Fortsätt
checking = Kontrollerar…
saving = Sparar…
try-again = Försök igen
problem-heading = Det finns ett problem
error-prefix = Fel:
opens-in-new-tab = (öppnas i en ny flik)
important = Viktigt
print-page = Skriv ut sidan
progress-is-saved = Dina svar sparas medan du fyller i. Du kan stänga sidan och fortsätta senare.
progress-discarded = Vi kunde inte använda dina sparade svar för det här kontot, så du får börja om från början. Ingenting skickades.
progress-not-saved = Webbläsaren sparar inte dina svar. Låt sidan vara öppen tills du är klar.
draft-expired = Dina sparade svar för det här kontot togs bort eftersom de inte hade ändrats på 30{"\u00A0"}dagar. Ingenting skickades.
draft-removed = På en annan enhet tog du bort dina sparade svar för det här kontot. Ingenting skickades.
which-answers-heading = Vilka svar vill du använda?
which-answers-changed-today = Du ändrade även dina svar på en annan enhet i dag kl.{"\u00A0"}{ $time }.
which-answers-changed-on = Du ändrade även dina svar på en annan enhet den { $date } kl.{"\u00A0"}{ $time }.
which-answers-other-deleted = De andra svaren tas bort.
which-answers-take-other = Använd svaren från den andra enheten
which-answers-keep-here = Använd svaren på den här enheten
forget-answers-button = Ta bort mina svar
forget-answers-confirm-here = Dina svar för det här kontot tas bort från den här webbläsaren. Du får börja om från början.
forget-answers-confirm-everywhere = Dina svar för det här kontot tas bort från den här webbläsaren och från dina andra enheter. Du får börja om från början.
forget-answers-yes = Ta bort mina svar
forget-answers-cancel = Behåll mina svar

## Det som kan gå fel med ett anrop.

error-timeout = Tjänsten svarar inte tillräckligt snabbt. Försök igen.
error-network = Det gick inte att nå tjänsten. Kontrollera internetanslutningen och försök igen.
error-malformed = Tjänsten skickade ett svar som inte gick att läsa. Försök igen. Om det händer igen skapar du ett supportärende.
error-server = Något gick fel hos tjänsten. Försök igen om några minuter.
error-too-many-requests = För många försök. Vänta en minut och försök sedan igen.
error-unauthorized = Din inloggning har gått ut. Logga in igen för att fortsätta.
error-account-not-found = Vi hittar inte kontot. Kontrollera att du är inloggad som rätt person.
error-not-owner = Bara en användare med rollen Ägare för kontot kan migrera det.
error-already-migrated = Kontot är redan migrerat.
error-conflict = En migrering av kontot pågår redan.
# Efter ett problem på en sida där personen har svarat på frågor.
answers-kept = Dina svar finns kvar.

## Kontoöversikten.

overview-title = Dina konton
start-heading = Migrera ditt konto till { -partner-center }
start-lead = Assistenten hjälper dig att migrera ditt utgivarkonto från { -cpp } till { -partner-center } och ställer en fråga i taget. Sedan visar den steg för steg hur du flyttar dina erbjudanden för Dynamics 365 och PowerApps.
accounts-heading = Dina konton
accounts-loading = Läser in dina konton…
accounts-none = Du är inte användare på något konto i { -cpp }.
accounts-none-unverified = Vi kan inte visa konton för { $email } eftersom din inloggning inte bekräftar att adressen är din.
accounts-none-what-to-do = Logga ut och logga sedan in med det arbetskonto eller Microsoft-konto som du loggar in på { -cpp } med.
account-loading = Läser in kontot…
status-not-migrated = Inte migrerat
status-in-progress = Migrering pågår
status-migrated = Migrerat
status-failed = Migreringen misslyckades
start-migration = Starta migreringen
continue-migration = Fortsätt migreringen
must-migrate-banner = { $total ->
    [one] Ditt konto måste migreras till { -partner-center }
   *[other] { $count ->
        [one] 1 av dina { $total } konton måste migreras till { -partner-center }
       *[other] { $count } av dina { $total } konton måste migreras till { -partner-center }
    }
}
must-migrate-explanation = Du behöver ange din e-postadress på jobbet. Om ett konto saknar MPN-ID, eller har ett som inte är giltigt, behöver du även gå med i Microsoft Partner Network.
must-migrate-offers-deadline = Har du erbjudanden för Dynamics 365 Customer Engagement, PowerApps eller Dynamics 365 Operations? Välj då Skicka i { -partner-center } för vart och ett av dem senast den { $date }.
migration-of-account = av kontot { $account }
not-owner-explanation = Bara en användare med rollen Ägare kan migrera { $account }. Be en ägare till kontot att göra det.
migrated-explanation = Kontot hanteras i { -partner-center }. Ändringar som du gör där, till exempel att du lägger till eller tar bort användare, synkroniseras tillbaka till { -cpp }.
manage-in-partner-center = Hantera { $account } i { -partner-center }
see-migration-status = Se hur migreringen går
offers-checklist-link = Flytta dina erbjudanden för Dynamics 365 och PowerApps
offers-checklist-link-account = på kontot { $account }

## Frågan om e-postadress.

work-email-title = E-postadress på jobbet
work-email-question = Vilken e-postadress har du på jobbet?
work-email-hint = Det är med den här adressen som du loggar in på { -partner-center }. Oftast är det samma adress som du loggar in på { -cpp } med, så vi har fyllt i den. Använd din e-postadress på jobbet, inte en privat.
work-email-hint-tenant = Det är med den här adressen som du loggar in på { -partner-center }. Oftast är det samma adress som du loggar in på { -cpp } med, så vi har fyllt i den. Adressen måste höra till { $tenant }, där ditt MPN-ID är registrerat.
work-email-microsoft-account = Du loggar in på { -cpp } med ett personligt Microsoft-konto ({ $email }). { -partner-center } behöver i stället din e-postadress på jobbet. Den måste höra till { $tenant }, den Microsoft Entra-klientorganisation där ditt MPN-ID är registrerat.
work-email-microsoft-account-no-tenant = Du loggar in på { -cpp } med ett personligt Microsoft-konto ({ $email }). { -partner-center } behöver i stället din e-postadress på jobbet.
checking-email = Kontrollerar din e-postadress
did-you-mean = Menade du
error-email-empty = Ange din e-postadress på jobbet.
error-email-too-long = E-postadressen får vara högst 254{"\u00A0"}tecken lång.
error-email-whitespace = E-postadressen får inte innehålla mellanslag.
error-email-invisible-character = E-postadressen innehåller ett osynligt tecken. Skriv den igen.
error-email-format = Ange en e-postadress i rätt format, till exempel namn@{ $example }.
error-email-consumer = Ange en e-postadress på jobbet, till exempel namn@{ $example }, inte en privat adress från en tjänst som Outlook.com eller Gmail.
error-email-same-as-microsoft = Ange en e-postadress på jobbet, inte adressen till det Microsoft-konto som du loggar in med.
error-email-tenant-mismatch = Ange en e-postadress som hör till { $tenant }, där ditt MPN-ID är registrerat.

## Frågan om MPN-ID.

mpn-title = MPN-ID
mpn-question = Vilket MPN-ID ska { -partner-center } använda?
mpn-keep = { $id }, MPN-ID:t på ditt konto (det hör till { $tenant })
mpn-use-another = Ett annat MPN-ID
mpn-new-label = Ditt nya MPN-ID
mpn-new-hint = Numret som ditt företag fick när det gick med i Microsoft Partner Network. Ange 6 till 8{"\u00A0"}siffror.
checking-mpn = Kontrollerar ditt MPN-ID
enrol-title = Gå med i Microsoft Partner Network
enrol-reason-missing = Ditt konto har inget MPN-ID.
enrol-reason-malformed = MPN-ID:t på ditt konto, { $id }, är inte ett giltigt MPN-ID.
enrol-reason-not-found = MPN-ID:t på ditt konto, { $id }, hittades inte i Microsoft Partner Network.
enrol-reason-inactive = MPN-ID:t på ditt konto, { $id }, är inte aktivt i Microsoft Partner Network.
enrol-why = Företag som vill samarbeta med Microsoft måste gå med i Microsoft Partner Network och få ett MPN-ID. Det gör du som en del av migreringen av ditt konto.
enrol-how-heading = Så får du ett MPN-ID
enrol-step-sign-up = Gå med i Microsoft Partner Network
enrol-step-wait = När du har gått med får du ett MPN-ID. Anteckna det, eftersom du ska ange det på den här sidan.
enrol-step-come-back = Kom tillbaka hit och ange det nedan. Dina svar finns kvar, så du kan göra det senare.
enrol-more = Mer om Microsoft Partner Network:
enrol-membership-link = Medlemskap i Microsoft Partner Network
isv-resource-hub-link = ISV Resource Hub
error-mpn-empty = Ange ditt MPN-ID.
error-mpn-not-digits = MPN-ID:t får bara innehålla siffrorna 0 till 9.
error-mpn-wrong-length = { $digits ->
    [one] Du angav 1{"\u00A0"}siffra. Kontrollera ditt MPN-ID och ange 6 till 8{"\u00A0"}siffror.
   *[other] Du angav { $digits }{"\u00A0"}siffror. Kontrollera ditt MPN-ID och ange 6 till 8{"\u00A0"}siffror.
}
error-mpn-too-long = Du angav för många tecken. Kontrollera ditt MPN-ID och ange 6 till 8{"\u00A0"}siffror.
error-mpn-not-found = Vi hittar inte det här MPN-ID:t i Microsoft Partner Network. Kontrollera det eller ange ett annat.
error-mpn-inactive = Det här MPN-ID:t är inte aktivt i Microsoft Partner Network. Kontrollera det eller ange ett annat.
error-too-many-attempts = { $seconds ->
    [one] För många försök. Vänta 1{"\u00A0"}sekund och försök sedan igen. Dina svar finns kvar.
   *[other] För många försök. Vänta { $seconds }{"\u00A0"}sekunder och försök sedan igen. Dina svar finns kvar.
}

## Kontrollera dina svar.

check-answers-title = Kontrollera dina svar innan du migrerar kontot
answer-account = Konto
answer-work-email = E-postadress på jobbet
answer-work-email-lower = e-postadress på jobbet
answer-mpn-id = MPN-ID
mpn-with-tenant = { $id } ({ $tenant })
change = Ändra
migrate-heading = Migrera ditt konto nu
migrate-explanation = När kontot har migrerats hanterar du det i { -partner-center }. Ändringar som du gör där, till exempel att du lägger till eller tar bort användare, synkroniseras tillbaka till { -cpp }.
migrate-button = Migrera kontot
migrating = Migrerar…
migration-starting = Startar migreringen

## Migreringen pågår.

migration-title = Ditt konto migreras
migration-checking = Kontrollerar hur migreringen går…
migration-in-progress = { -partner-center } migrerar ditt konto.
migration-in-progress-announcement = Migrering pågår
migration-can-leave = Du kan lämna sidan. Migreringen fortsätter, och du kan komma tillbaka och se hur den går.
migration-done = Migreringen är klar.
migration-failed-title = Migreringen misslyckades
migration-failed = { -partner-center } kunde inte migrera kontot. Ingenting ändrades. Kontrollera dina svar och försök igen.
migration-check-and-retry = Kontrollera dina svar och försök igen
migration-not-started-title = Migreringen har inte startat
migration-not-started = Din begäran om migrering nådde inte tjänsten. Välj Migrera kontot igen. Kontot migreras inte två gånger.

## Bekräftelsen.

confirmation-title = Kontot är migrerat
confirmation-reference = Ditt referensnummer
what-happens-next = Vad händer nu?
confirmation-next = Nu hanterar du { $account } i { -partner-center }. Ändringar som du gör där, till exempel att du lägger till eller tar bort användare, synkroniseras tillbaka till { -cpp }.
confirmation-offers-heading = Flytta även dina erbjudanden
confirmation-offers = Du har erbjudanden för Dynamics 365 Customer Engagement, PowerApps eller Dynamics 365 Operations. Flytta dem också till { -partner-center } och välj Skicka för vart och ett senast den { $date }.
open-offers-checklist = Öppna checklistan för erbjudanden

## Checklistan för erbjudanden.

checklist-title = Flytta dina erbjudanden för Dynamics 365 och PowerApps
checklist-lead = Slutför stegen i tid, så att dina erbjudanden fortsätter att vara tillgängliga för kunderna. Det här gäller inte erbjudanden för Dynamics 365 Business Central.
checklist-loading = Läser in dina erbjudanden…
checklist-no-offers = Checklistan gäller inget av dina erbjudanden. Den gäller bara erbjudanden för Dynamics 365 Customer Engagement, PowerApps och Dynamics 365 Operations.
deadline-label = Sista dag:
deadline-days-left = { $days ->
    [one] 1{"\u00A0"}dag kvar
   *[other] { $days }{"\u00A0"}dagar kvar
}
deadline-today = I dag
deadline-overdue = { $days ->
    [one] Passerade för 1{"\u00A0"}dag sedan
   *[other] Passerade för { $days }{"\u00A0"}dagar sedan
}
deadline-passed-explanation = Sista dagen har passerat, så dina erbjudandens tillgänglighet kan påverkas. Slutför stegen ändå.
progress-label = Checklistans förlopp
progress-done = { $done } av { $total } klara
tick-saved = Ändringen har sparats.
next-action = Nästa steg
tick-not-saved = Ändringen kunde inte sparas, så vi har ångrat den.
excluded-heading = Erbjudanden som checklistan inte gäller
excluded-business-central = checklistan gäller inte erbjudanden för Dynamics 365 Business Central.
excluded-other-type = checklistan gäller bara erbjudanden för Dynamics 365 Customer Engagement, PowerApps och Dynamics 365 Operations.
state-done-verified = Klart – bekräftat av { -partner-center }
state-done-by-you = Klart – avbockat av dig
state-in-progress = Pågår
state-to-do = Inte påbörjat
state-blocked = Kan inte påbörjas än
step-pmc-title = Bekräfta att ditt konto i Partner Membership Center har migrerats
step-pmc-guidance = Om ditt medlemskonto i MPN skapades i Partner Membership Center loggar du in på { -partner-center }. Ser du en profilsida med ditt MPN-ID har kontot migrerats. Annars startar du migreringen enligt anvisningarna i Partner Membership Center.
step-marketplace-title = Registrera dig på den kommersiella marknadsplatsen
step-marketplace-guidance = Öppna översikten för den kommersiella marknadsplatsen i { -partner-center }. Ser du Kommersiell marknadsplats i vänstermenyn är du registrerad. Annars registrerar du dig nu.
step-appsource-title = Kontrollera att varje erbjudande finns i AppSource
step-appsource-guidance = Sök efter vart och ett av dina erbjudanden i AppSource. Om ett erbjudande inte finns där skapar du ett nytt erbjudande för det i { -partner-center }. Välj Dynamics 365 Customer Engagement (gäller även PowerApps) eller Dynamics 365 Operations.
step-addendum-title = Godkänn ISV-tillägget för företagsprogram
step-addendum-guidance = På sidan Avtal granskar och godkänner du ISV-tillägget för företagsprogram.
step-billing-title = Fyll i din faktureringsprofil
step-billing-guidance = Fyll i alla delar av faktureringsprofilen i kontoinställningarna i { -partner-center }.
step-submit-title = Skicka in varje erbjudande för certifiering och publicering
step-submit-guidance-screens = Skicka in varje erbjudande, nytt som befintligt, även om det har certifierats tidigare. Fyll i erbjudandets sidor, lämna in appen för certifiering och lägg till marknadsföringsmaterialet. Välj sedan Skicka längst upp till höger på skärmen.
step-submit-deadline = Välj Skicka för varje erbjudande senast den { $date }, så att erbjudandets tillgänglighet inte påverkas.
step-submit-guidance-premium = Om du uppfyller kraven kan du begära att få delta i premiumnivån när du skickar in erbjudandet.
step-submit-guidance-platform = För att certifieras måste appen stödja den senaste versionen av plattformen för affärsprogram.
step-submit-guidance-go-live = När appen har godkänts får du ett e-postmeddelande. Gå tillbaka till erbjudandet och välj Gå live, så att det visas i Microsoft AppSource.
link-pmc-profile = Kontrollera din profil i { -partner-center }
link-pmc-migration = Starta migreringen i Partner Membership Center
link-pmc-support = Få hjälp med att migrera ditt konto i Partner Membership Center
link-marketplace-overview = Öppna översikten för den kommersiella marknadsplatsen
link-marketplace-enrol = Registrera dig på den kommersiella marknadsplatsen
link-appsource = Sök i AppSource
link-new-customer-engagement = Skapa ett nytt erbjudande för Dynamics 365 Customer Engagement
link-new-operations = Skapa ett nytt erbjudande för Dynamics 365 Operations
link-agreements = Öppna sidan Avtal
link-billing = Öppna din faktureringsprofil
task-pmc = Bekräfta att kontot i Partner Membership Center har migrerats
task-marketplace = Registrera dig på den kommersiella marknadsplatsen
task-listed = Kontrollera att { $offer } finns i AppSource
task-create-customer-engagement = Skapa { $offer } som ett nytt erbjudande för Dynamics 365 Customer Engagement
task-create-operations = Skapa { $offer } som ett nytt erbjudande för Dynamics 365 Operations
task-addendum = Godkänn ISV-tillägget för företagsprogram
task-billing = Fyll i faktureringsprofilen
task-submit = Skicka in { $offer } för certifiering och publicering
task-go-live = Välj Gå live för { $offer }
tick-pmc = Har ditt konto i Partner Membership Center migrerats till { -partner-center }?
tick-marketplace = Har du registrerat dig på den kommersiella marknadsplatsen?
tick-created = Har du skapat det nya erbjudandet?
tick-addendum = Har du godkänt tillägget?
tick-billing = Har du fyllt i faktureringsprofilen?
tick-done = Har du gjort det här?
tick-yes = Ja

## Hjälp och nästa steg.

help-title = Hjälp och nästa steg
help-get-help-heading = Få hjälp
help-community-call = Delta i det veckovisa communitysamtalet för Dynamics ISV
help-community-call-hint = För support och uppdateringar.
help-support-ticket = Skapa ett supportärende
help-support-ticket-hint = Vid problem med publicering, certifiering eller hantering av dina erbjudanden.
help-mpn-heading = Microsoft Partner Network
help-next-heading = När kontot är migrerat och erbjudandena är flyttade
help-next = Från och med då hanterar du ditt konto för den kommersiella marknadsplatsen i { -partner-center }.
help-manage-marketplace = Hantera ditt konto för den kommersiella marknadsplatsen
not-found-title = Sidan hittades inte
not-found-text = Om du skrev adressen själv kontrollerar du att den är rätt. Om du klistrade in den kontrollerar du att du kopierade hela adressen.
go-to-accounts = Gå till dina konton

## Demoläget.

demo-marker = Demodata
demo-explanation = Den här versionen använder demodata som sparas i din webbläsare. Ingenting skickas någonstans.
demo-reset = Återställ demodata

## Inloggning (den fristående appen med en egen inloggning).

sign-in-start-need = Det här behöver du
sign-in-start-need-account = det arbetskonto eller Microsoft-konto som du loggar in på { -cpp } med
sign-in-start-need-mpn = ditt MPN-ID, om du har ett
sign-in-button = Logga in
sign-in-again-button = Logga in igen
signing-in = Loggar in…
signed-in-as = Inloggad som { $name }
sign-out-button = Logga ut
sign-out-hint = Om du loggar ut tas dina sparade svar bort från den här webbläsaren.
sign-in-cancelled-title = Du avbröt inloggningen
sign-in-cancelled-text = Du behöver logga in för att använda assistenten. Ingenting skickades.
sign-in-ended-title = Din inloggning har gått ut
sign-in-ended-text = Logga in igen för att fortsätta. Dina svar finns kvar.
sign-in-unreachable-title = Vi kunde inte nå inloggningstjänsten
sign-in-unreachable-text = Försök igen senare. Dina svar finns kvar.
sign-in-not-started-here-title = Den här inloggningen startades inte här
sign-in-not-started-here-text = Den kan ha startats i en annan flik eller ett annat fönster, eller så är den för gammal. Logga in igen härifrån.
sign-in-refused-title = Vi kunde inte logga in dig
sign-in-refused-text = Inloggningstjänsten godtog inte den här inloggningen. Försök igen. Om det händer igen skapar du ett supportärende.
