## Skalet: det som varje sida visar.

-product = Migreringsassistent för Partnercenter
-partner-center = Partnercenter
-cpp = Cloud Partner Portal

app-name = { -product }
page-title = { $page } – Kontomigrering
title-with-error = Fel: { $page } – Kontomigrering
skip-to-content = Hoppa till huvudinnehållet
language-switcher-label = Språk
loading = Läser{"\u00A0"}in…
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
progress-discarded = Dina sparade svar för kontot gick inte att läsa, så vi började om. Ingenting skickades.
progress-not-saved = Webbläsaren sparar inte dina svar. Låt sidan vara öppen tills du är klar.
draft-expired = Dina sparade svar för det här kontot togs bort eftersom de inte hade ändrats på 30{"\u00A0"}dagar. Ingenting skickades.
draft-removed = Du tog bort dina sparade svar för det här kontot på en annan enhet. Ingenting skickades.
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

error-timeout = Tjänsten svarar inte tillräckligt snabbt. Dina svar finns kvar – försök igen.
error-network = Det gick inte att nå tjänsten. Kontrollera internetanslutningen och försök igen. Dina svar finns kvar.
error-malformed = Tjänsten skickade ett svar som inte gick att läsa. Försök igen. Kontakta portalens support om det händer igen.
error-server = Något gick fel hos tjänsten. Dina svar finns kvar – försök igen om några minuter.
error-too-many-requests = För många försök. Vänta en minut och försök sedan igen. Dina svar finns kvar.
error-unauthorized = Din inloggning har gått ut. Logga in igen och kom tillbaka – dina svar finns kvar.
error-account-not-found = Vi hittar inte kontot. Kontrollera att du är inloggad som rätt person.
error-not-owner = Bara en ägare till kontot kan migrera det.
error-already-migrated = Kontot är redan migrerat.
error-conflict = En migrering av kontot pågår redan.

## Kontoöversikten.

overview-title = Dina konton
start-heading = Flytta ditt konto till { -partner-center }
start-lead = Tjänsten leder dig steg för steg genom flytten av ditt utgivarkonto från { -cpp } till { -partner-center }, och av dina erbjudanden för Dynamics 365 och PowerApps.
accounts-heading = Dina konton
accounts-loading = Hämtar dina konton…
accounts-none = Inget konto i { -cpp } har dig som användare.
accounts-none-unverified = Vi kan inte visa konton för { $email } eftersom din inloggning inte bekräftar att adressen är din.
accounts-none-what-to-do = Logga ut och logga sedan in med det arbetskonto eller Microsoft-konto som du använder för { -cpp }.
account-loading = Hämtar kontot…
status-not-migrated = Inte migrerat
status-in-progress = Migrering pågår
status-migrated = Migrerat
status-failed = Migreringen misslyckades
must-move-banner = Kontot måste flyttas till { -partner-center }
must-move-explanation = Det tar några minuter. Du behöver din e-postadress på jobbet och företagets MPN-ID.
start-migration = Starta migreringen
continue-migration = Fortsätt migreringen
not-owner-explanation = Bara en ägare kan migrera { $account }. Be en ägare till kontot att göra det.
migrated-explanation = Kontot hanteras i { -partner-center }. Ändringar som du gör där, till exempel när du lägger till eller tar bort användare, synkroniseras tillbaka till { -cpp }.
manage-in-partner-center = Hantera { $account } i { -partner-center }
see-migration-status = Se hur migreringen går
offers-checklist-link = Flytta dina erbjudanden för Dynamics 365 och PowerApps
offers-checklist-link-account = hos { $account }

## Frågan om e-postadress.

work-email-title = E-postadress på jobbet
work-email-question = Vilken e-postadress har du på jobbet?
work-email-hint = Det är med den här adressen som du loggar in på { -partner-center }. Oftast är det samma adress som du loggar in på { -cpp } med, så vi har fyllt i den. Använd din e-postadress på jobbet, inte en privat.
work-email-hint-tenant = Det är med den här adressen som du loggar in på { -partner-center }. Oftast är det samma adress som du loggar in på { -cpp } med, så vi har fyllt i den. Adressen måste höra till { $tenant }, där ditt MPN-ID är registrerat.
work-email-microsoft-account = Du loggar in på { -cpp } med ett personligt Microsoft-konto ({ $email }). { -partner-center } behöver i stället din e-postadress på jobbet. Den måste höra till { $tenant }, den Microsoft Entra-klientorganisation där ditt MPN-ID är registrerat.
work-email-microsoft-account-no-tenant = Du loggar in på { -cpp } med ett personligt Microsoft-konto ({ $email }). { -partner-center } behöver i stället din e-postadress på jobbet.
checking-email = Kontrollerar e-postadressen
did-you-mean = Menade du
error-email-empty = Ange din e-postadress på jobbet
error-email-too-long = E-postadressen får vara högst 254{"\u00A0"}tecken
error-email-whitespace = E-postadressen får inte innehålla mellanslag
error-email-invisible-character = E-postadressen innehåller ett osynligt tecken. Skriv den igen
error-email-format = Ange en e-postadress i rätt format, till exempel namn@{ $example }
error-email-consumer = Ange en e-postadress på jobbet, till exempel namn@{ $example }, inte en privat adress som Outlook.com eller Gmail
error-email-same-as-microsoft = Ange en e-postadress på jobbet, inte Microsoft-kontot som du loggar in med
error-email-tenant-mismatch = Ange en e-postadress hos { $tenant }, där ditt MPN-ID är registrerat

## Frågan om MPN-ID.

mpn-title = MPN-ID
mpn-question = Vilket MPN-ID ska { -partner-center } använda?
mpn-keep = { $id }, MPN-ID:t på ditt konto (registrerat hos { $tenant })
mpn-use-another = Ett annat MPN-ID
mpn-new-label = Ditt nya MPN-ID
mpn-new-hint = MPN-ID:t som du antecknade när du gick med i Microsoft Partner Network. Assistenten tar emot 6 till 8{"\u00A0"}siffror.
checking-mpn = Kontrollerar ditt MPN-ID
enrol-title = Gå med i Microsoft Partner Network
enrol-reason-missing = Ditt konto har inget MPN-ID.
enrol-reason-malformed = MPN-ID:t på ditt konto, { $id }, är inte ett giltigt MPN-ID.
enrol-reason-not-found = MPN-ID:t på ditt konto, { $id }, hittades inte i Microsoft Partner Network.
enrol-reason-inactive = Medlemskapet för MPN-ID:t på ditt konto, { $id }, har upphört.
enrol-why = { -partner-center } behöver ett aktivt MPN-ID. Det knyter ditt utgivarkonto till företagets Microsoft Entra-klientorganisation.
enrol-how-heading = Så får du ett MPN-ID
enrol-step-sign-up = Gå med i Microsoft Partner Network
enrol-step-wait = När du har gått med får du ett MPN-ID. Anteckna det, eftersom du ska ange det här.
enrol-step-come-back = Kom tillbaka hit och ange det nedan. Dina svar finns kvar, så du kan göra det senare.
enrol-more = Mer om programmet:
enrol-membership-link = Medlemskap i Microsoft Partner Network
isv-resource-hub-link = ISV Resource Hub
error-mpn-empty = Ange ditt MPN-ID
error-mpn-not-digits = MPN-ID får bara innehålla siffrorna 0 till 9
error-mpn-wrong-length = { $digits ->
    [one] Du angav 1 siffra. Kontrollera ditt MPN-ID och ange hela (6 till 8 siffror)
   *[other] Du angav { $digits } siffror. Kontrollera ditt MPN-ID och ange hela (6 till 8 siffror)
}
error-mpn-too-long = Du angav för många tecken. Kontrollera ditt MPN-ID (6 till 8 siffror)
error-mpn-not-found = Vi hittar inte det här MPN-ID:t i Microsoft Partner Network. Kontrollera det eller ange ett annat.
error-mpn-inactive = Medlemskapet för det här MPN-ID:t har upphört. Förnya det eller ange ett annat MPN-ID
error-too-many-attempts = { $seconds ->
    [one] För många försök. Försök igen om 1 sekund. Ditt svar finns kvar.
   *[other] För många försök. Försök igen om { $seconds } sekunder. Ditt svar finns kvar.
}

## Kontrollera dina svar.

check-answers-title = Kontrollera dina svar innan du migrerar
answer-account = Konto
answer-work-email = E-postadress på jobbet
answer-work-email-lower = e-postadress på jobbet
answer-mpn-id = MPN-ID
mpn-with-tenant = { $id } ({ $tenant })
change = Ändra
migrate-heading = Migrera ditt konto nu
migrate-explanation = När du har migrerat hanterar du kontot i { -partner-center }. Ändringar som du gör där, till exempel när du lägger till eller tar bort användare, synkroniseras tillbaka till { -cpp }.
migrate-button = Migrera kontot
migrating = Migrerar…
migration-starting = Startar migreringen

## Migreringen pågår.

migration-title = Ditt konto migreras
migration-checking = Kontrollerar hur migreringen går…
migration-in-progress = { -partner-center } flyttar ditt konto. Det brukar ta några minuter.
migration-in-progress-announcement = Migrering pågår
migration-can-leave = Du kan lämna sidan: migreringen fortsätter, och du kan komma tillbaka och se hur den går.
migration-done = Migreringen är klar.
migration-failed-title = Migreringen misslyckades
migration-failed = { -partner-center } kunde inte flytta kontot. Ingenting ändrades. Kontrollera dina svar och försök igen.
migration-check-and-retry = Kontrollera dina svar och försök igen
migration-not-started-title = Migreringen har inte startat
migration-not-started = Din begäran om migrering nådde inte tjänsten. Skicka den igen. Kontot migreras inte två gånger.

## Bekräftelsen.

confirmation-title = Kontot är migrerat
confirmation-reference = Ditt referensnummer
what-happens-next = Vad händer nu
confirmation-next = Nu hanterar du { $account } i { -partner-center }. Ändringar som du gör där, till exempel när du lägger till eller tar bort användare, synkroniseras tillbaka till { -cpp }.
confirmation-offers-heading = Flytta även dina erbjudanden
confirmation-offers = Du har erbjudanden för Dynamics 365 eller PowerApps. De måste också flyttas till { -partner-center }.
open-offers-checklist = Öppna checklistan för erbjudanden

## Checklistan för erbjudanden.

checklist-title = Flytta dina erbjudanden för Dynamics 365 och PowerApps
checklist-lead = Slutför stegen senast sista dagen, så att dina erbjudanden fortsätter att vara tillgängliga för kunderna. Det här gäller inte Dynamics 365 Business Central-erbjudanden.
checklist-loading = Hämtar dina erbjudanden…
checklist-no-offers = Inget av dina erbjudanden flyttas på det här sättet: det gäller bara erbjudanden för Dynamics 365 Customer Engagement, PowerApps och Dynamics 365 Operations.
deadline-label = Sista dag:
deadline-days-left = { $days ->
    [one] 1 dag kvar
   *[other] { $days } dagar kvar
}
deadline-today = Sista dagen är i dag
deadline-overdue = { $days ->
    [one] Gick ut för 1 dag sedan
   *[other] Gick ut för { $days } dagar sedan
}
deadline-passed-explanation = Sista dagen har passerat. Fortsätt ändå. Tills dina erbjudanden är flyttade kan de vara otillgängliga för kunderna.
progress-label = Checklistans förlopp
progress-done = { $done } av { $total } klara
tick-saved = Ändringen har sparats.
next-action = Nästa
tick-not-saved = Ändringen kunde inte sparas, så vi har ångrat den.
excluded-heading = Erbjudanden som inte flyttas på det här sättet
excluded-business-central = erbjudanden för Dynamics 365 Business Central flyttas inte med den här checklistan.
excluded-other-type = bara erbjudanden för Dynamics 365 Customer Engagement, PowerApps och Dynamics 365 Operations flyttas på det här sättet.
state-done-verified = Klart – bekräftat av { -partner-center }
state-done-by-you = Klart – avbockat av dig
state-in-progress = Pågår
state-to-do = Inte påbörjat
state-blocked = Kan inte påbörjas än
step-pmc-title = Bekräfta att ditt konto i Partner Membership Center har flyttats
step-pmc-guidance = Om ditt medlemskonto i MPN skapades i Partner Membership Center loggar du in på { -partner-center }: en profilsida som visar ditt MPN-ID betyder att det har flyttats. Annars startar du migreringen enligt anvisningarna i Partner Membership Center.
step-marketplace-title = Registrera dig på den kommersiella marknadsplatsen
step-marketplace-guidance = Öppna översikten för den kommersiella marknadsplatsen i { -partner-center }. Ser du ”Kommersiell marknadsplats” i vänstermenyn är du registrerad. Annars registrerar du dig nu.
step-appsource-title = Se till att varje erbjudande finns i AppSource
step-appsource-guidance = Sök efter vart och ett av dina erbjudanden i AppSource. För ett erbjudande som inte finns där skapar du ett nytt erbjudande i { -partner-center }: ett erbjudande för Dynamics 365 Customer Engagement (även för PowerApps-erbjudanden) eller för Dynamics 365 Operations.
step-addendum-title = Godkänn ISV-tillägget för företagsprogram
step-addendum-guidance = Granska och godkänn ”ISV-tillägget för företagsprogram” på sidan Avtal.
step-billing-title = Fyll i din faktureringsprofil
step-billing-guidance = Fyll i alla delar av faktureringsprofilen i kontoinställningarna i { -partner-center }.
step-submit-title = Skicka in varje erbjudande för certifiering och publicering
step-submit-guidance-screens = Skicka in varje erbjudande, nytt som befintligt, även om det har certifierats tidigare. Fyll i erbjudandets sidor, lämna in appen för certifiering och lägg till marknadsföringsmaterialet. Välj sedan Skicka längst upp till höger på skärmen.
step-submit-guidance-premium = Om du uppfyller kraven kan du begära att få delta i premiumnivån när du skickar in erbjudandet.
step-submit-guidance-platform = För att certifieras måste appen stödja den senaste versionen av plattformen för affärsprogram.
step-submit-guidance-go-live = När appen har godkänts får du ett e-postmeddelande. Gå tillbaka till erbjudandet och välj Gå live, så att det visas i Microsoft AppSource.
link-pmc-profile = Kontrollera din profil i { -partner-center }
link-pmc-migration = Starta migreringen i Partner Membership Center
link-pmc-support = Få hjälp med migreringen
link-marketplace-overview = Öppna översikten för den kommersiella marknadsplatsen
link-marketplace-enrol = Registrera dig på den kommersiella marknadsplatsen
link-appsource = Sök i AppSource
link-new-customer-engagement = Skapa ett nytt Dynamics 365 Customer Engagement-erbjudande
link-new-operations = Skapa ett nytt Dynamics 365 Operations-erbjudande
link-agreements = Öppna sidan Avtal
link-billing = Öppna din faktureringsprofil
task-pmc = Bekräfta att kontot i Partner Membership Center finns i { -partner-center }
task-marketplace = Registrera dig på den kommersiella marknadsplatsen
task-listed = Kontrollera att { $offer } finns i AppSource
task-create-customer-engagement = Skapa ett nytt Dynamics 365 Customer Engagement-erbjudande för { $offer }
task-create-operations = Skapa ett nytt Dynamics 365 Operations-erbjudande för { $offer }
task-addendum = Godkänn ISV-tillägget för företagsprogram
task-billing = Fyll i faktureringsprofilen
task-submit = Skicka in { $offer } för certifiering och publicering
task-go-live = Välj Gå live för { $offer }
tick-pmc = Har ditt konto i Partner Membership Center flyttats till { -partner-center }?
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
help-community-call-hint = Ställ frågor om flytten av dina erbjudanden, varje vecka.
help-support-ticket = Skapa ett supportärende
help-support-ticket-hint = Vid problem med publicering, certifiering eller hantering av dina erbjudanden.
help-mpn-heading = Microsoft Partner Network
help-next-heading = När allt är flyttat
help-next = Hantera ditt konto på den kommersiella marknadsplatsen i { -partner-center }. Där finns dina erbjudanden, utbetalningar och användare.
help-manage-marketplace = Hantera ditt konto på den kommersiella marknadsplatsen
not-found-title = Sidan hittades inte
not-found-text = Om du skrev adressen själv, kontrollera att den är rätt. Om du klistrade in den, kontrollera att du kopierade hela adressen.
go-to-accounts = Gå till dina konton

## Demoläget.

demo-marker = Demodata
demo-explanation = Den här kopian använder demodata som sparas i din webbläsare. Ingenting skickas någonstans.
demo-reset = Återställ demodata

## Inloggning (den fristående appen med en egen inloggning).

sign-in-start-lead = Flytta ditt utgivarkonto från { -cpp } till { -partner-center }, och dina Dynamics 365- och PowerApps-erbjudanden med det, steg för steg.
sign-in-start-need = Det här behöver du
sign-in-start-need-account = det arbetskonto eller Microsoft-konto som du loggar in på { -cpp } med
sign-in-start-need-mpn = ditt MPN-ID, om du har ett
sign-in-button = Logga in
sign-in-again-button = Logga in igen
signing-in = Loggar in dig…
signed-in-as = Inloggad som { $name }
sign-out-button = Logga ut
sign-out-hint = Om du loggar ut tas dina sparade svar bort från den här webbläsaren.
sign-in-cancelled-title = Du avbröt inloggningen
sign-in-cancelled-text = Du behöver logga in för att använda assistenten. Ingenting skickades.
sign-in-ended-title = Din inloggning har upphört
sign-in-ended-text = Logga in igen för att fortsätta. Dina svar är sparade.
sign-in-unreachable-title = Vi kunde inte nå inloggningstjänsten
sign-in-unreachable-text = Försök igen senare. Dina svar är sparade.
sign-in-not-started-here-title = Den här inloggningen startades inte här
sign-in-not-started-here-text = Den kan ha startats i en annan flik eller ett annat fönster, eller så är den för gammal. Logga in igen härifrån.
sign-in-refused-title = Vi kunde inte logga in dig
sign-in-refused-text = Inloggningstjänsten godtog inte den här inloggningen. Försök igen. Om det händer igen kontaktar du portalens support.
