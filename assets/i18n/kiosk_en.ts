<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnswerCard</name>
    <message>
        <source>Car</source>
        <translation>Car</translation>
    </message>
    <message>
        <source>Motorbike</source>
        <translation>Motorbike</translation>
    </message>
    <message>
        <source>Electric motorbike</source>
        <translation>Electric motorbike</translation>
    </message>
    <message>
        <source>Other vehicle</source>
        <translation>Other vehicle</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>No longer mine: sold</source>
        <translation>No longer mine: sold</translation>
    </message>
    <message>
        <source>No longer mine: given away</source>
        <translation>No longer mine: given away</translation>
    </message>
    <message>
        <source>No longer mine: scrapped</source>
        <translation>No longer mine: scrapped</translation>
    </message>
    <message>
        <source>No longer mine: lost</source>
        <translation>No longer mine: lost</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>Licence class %1 · no. %2</source>
        <translation>Licence class %1 · no. %2</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>Bought second-hand, never transferred</source>
        <translation>Bought second-hand, never transferred</translation>
    </message>
    <message>
        <source>A vehicle not on file</source>
        <translation>A vehicle not on file</translation>
    </message>
    <message>
        <source>A driving licence not on file</source>
        <translation>A driving licence not on file</translation>
    </message>
    <message>
        <source>Added by the resident</source>
        <translation>Added by the resident</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Registered owner: %1</source>
        <translation>Registered owner: %1</translation>
    </message>
    <message>
        <source>Class %1 · no. %2</source>
        <translation>Class %1 · no. %2</translation>
    </message>
    <message>
        <source>2024 classes</source>
        <translation>2024 classes</translation>
    </message>
    <message>
        <source>2008 classes</source>
        <translation>2008 classes</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day(s) left</numerusform>
            <numerusform>%n day(s) left</numerusform>
        </translation>
    </message>
    <message>
        <source>expires %1: %2</source>
        <translation>expires %1: %2</translation>
    </message>
    <message>
        <source>Answer the record on file instead</source>
        <translation>Answer the record on file instead</translation>
    </message>
    <message>
        <source>Number plate</source>
        <translation>Number plate</translation>
    </message>
    <message>
        <source>Kind of vehicle</source>
        <translation>Kind of vehicle</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Brand</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Chassis number</source>
        <translation>Chassis number</translation>
    </message>
    <message>
        <source>Engine number</source>
        <translation>Engine number</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>Licence number</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Class scheme</source>
        <translation>Class scheme</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>Name of the person it went to</source>
        <translation>Name of the person it went to</translation>
    </message>
    <message>
        <source>From whom it was bought (if not the owner on the papers)</source>
        <translation>From whom it was bought (if not the owner on the papers)</translation>
    </message>
    <message>
        <source>From whom it came (if known)</source>
        <translation>From whom it came (if known)</translation>
    </message>
    <message>
        <source>Owner on the registration papers</source>
        <translation>Owner on the registration papers</translation>
    </message>
    <message>
        <source>Owner&apos;s ID number (type it, or scan their card)</source>
        <translation>Owner&apos;s ID number (type it, or scan their card)</translation>
    </message>
    <message>
        <source>Their ID number (type it, or scan their card)</source>
        <translation>Their ID number (type it, or scan their card)</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>When it happened</translation>
    </message>
    <message>
        <source>When it was bought (if known)</source>
        <translation>When it was bought (if known)</translation>
    </message>
    <message>
        <source>Papers seen</source>
        <translation>Papers seen</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Given away</source>
        <translation>Given away</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>Scrapped</translation>
    </message>
    <message>
        <source>Type the plate</source>
        <translation>Type the plate</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Why is it no longer yours?</source>
        <translation>Why is it no longer yours?</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>Needs correcting</source>
        <translation>Needs correcting</translation>
    </message>
    <message>
        <source>No longer mine</source>
        <translation>No longer mine</translation>
    </message>
    <message>
        <source>Not mine</source>
        <translation>Not mine</translation>
    </message>
    <message>
        <source>Use this date</source>
        <translation>Use this date</translation>
    </message>
</context>
<context>
    <name>AttentionScreen</name>
    <message>
        <source>The ward&apos;s server already has %1: nothing goes back or again.</source>
        <translation>The ward&apos;s server already has %1: nothing goes back or again.</translation>
    </message>
    <message>
        <source>The ward&apos;s server cannot be asked now whether it has this record, so it is not sent back yet. Try again when the kiosk is online.</source>
        <translation>The ward&apos;s server cannot be asked now whether it has this record, so it is not sent back yet. Try again when the kiosk is online.</translation>
    </message>
    <message>
        <source>%1 was sent back to the volunteer with the reasons.</source>
        <translation>%1 was sent back to the volunteer with the reasons.</translation>
    </message>
    <message>
        <source>%1 was re-created as a new visit, code %2: continue it from Home.</source>
        <translation>%1 was re-created as a new visit, code %2: continue it from Home.</translation>
    </message>
    <message>
        <source>%1 is queued to be sent again.</source>
        <translation>%1 is queued to be sent again.</translation>
    </message>
    <message>
        <source>This record changed in the meantime: the list is up to date again.</source>
        <translation>This record changed in the meantime: the list is up to date again.</translation>
    </message>
    <message>
        <source>The ward&apos;s server did not accept this record. Please check it with the resident.</source>
        <translation>The ward&apos;s server did not accept this record. Please check it with the resident.</translation>
    </message>
    <message>
        <source>The ward&apos;s server did not accept it: %1</source>
        <translation>The ward&apos;s server did not accept it: %1</translation>
    </message>
    <message>
        <source>The ward&apos;s server could not take this record. Please check it with the resident and save it again.</source>
        <translation>The ward&apos;s server could not take this record. Please check it with the resident and save it again.</translation>
    </message>
    <message>
        <source>Records that need an officer</source>
        <translation>Records that need an officer</translation>
    </message>
    <message>
        <source>Nothing needs an officer now.</source>
        <translation>Nothing needs an officer now.</translation>
    </message>
    <message>
        <source>Not accepted by the ward&apos;s server (%1)</source>
        <translation>Not accepted by the ward&apos;s server (%1)</translation>
    </message>
    <message>
        <source>The server holds other content under the same record (%1)</source>
        <translation>The server holds other content under the same record (%1)</translation>
    </message>
    <message>
        <source>The server keeps failing on these (%1)</source>
        <translation>The server keeps failing on these (%1)</translation>
    </message>
    <message>
        <source>Captured by %1 · since %2</source>
        <translation>Captured by %1 · since %2</translation>
    </message>
    <message>
        <source>Send back to the volunteer</source>
        <translation>Send back to the volunteer</translation>
    </message>
    <message>
        <source>Re-create as new</source>
        <translation>Re-create as new</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>The server gave no reason.</source>
        <translation>The server gave no reason.</translation>
    </message>
    <message>
        <source>The server already has a different record under this one&apos;s number. Re-create it: a new visit with the same answers, to check and save again.</source>
        <translation>The server already has a different record under this one&apos;s number. Re-create it: a new visit with the same answers, to check and save again.</translation>
    </message>
    <message numerus="yes">
        <source>The server failed on it %n time(s); the kiosk no longer retries it by itself.</source>
        <translation>
            <numerusform>The server failed on it %n time(s); the kiosk no longer retries it by itself.</numerusform>
            <numerusform>The server failed on it %n time(s); the kiosk no longer retries it by itself.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrandPicker</name>
    <message>
        <source>Other brand</source>
        <translation>Other brand</translation>
    </message>
    <message>
        <source>Type the brand</source>
        <translation>Type the brand</translation>
    </message>
</context>
<context>
    <name>CoSignDialog</name>
    <message>
        <source>An officer checks it now</source>
        <translation>An officer checks it now</translation>
    </message>
    <message>
        <source>Officer: tap your name and type your PIN. Nobody is signed out.</source>
        <translation>Officer: tap your name and type your PIN. Nobody is signed out.</translation>
    </message>
    <message>
        <source>No officer can sign here yet: an officer must be added first.</source>
        <translation>No officer can sign here yet: an officer must be added first.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ColourPicker</name>
    <message>
        <source>White</source>
        <translation>White</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Black</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Blue or green</source>
        <translation>Blue or green</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>Brown</translation>
    </message>
    <message>
        <source>Other colour</source>
        <translation>Other colour</translation>
    </message>
    <message>
        <source>Type the colour</source>
        <translation>Type the colour</translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>No phone number yet</source>
        <translation>No phone number yet</translation>
    </message>
    <message>
        <source>Without consent nothing is recorded and the answers are erased. Tap again to end the visit.</source>
        <translation>Without consent nothing is recorded and the answers are erased. Tap again to end the visit.</translation>
    </message>
    <message>
        <source>To clean the records of vehicles and driving licences, the ward police will use your name, ID number, date of birth, address, phone number and the records of your vehicles and licences, as Decree 13/2023/NĐ-CP on protecting personal data allows.
They are used only for this campaign, kept safe, and given to nobody else.
You may ask the ward police to see, correct or delete them.
Do you agree?</source>
        <translation>To clean the records of vehicles and driving licences, the ward police will use your name, ID number, date of birth, address, phone number and the records of your vehicles and licences, as Decree 13/2023/NĐ-CP on protecting personal data allows.
They are used only for this campaign, kept safe, and given to nobody else.
You may ask the ward police to see, correct or delete them.
Do you agree?</translation>
    </message>
    <message>
        <source>Phone number and consent</source>
        <translation>Phone number and consent</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Consent to use personal data</source>
        <translation>Consent to use personal data</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Type the phone number</source>
        <translation>Type the phone number</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Agree</translation>
    </message>
    <message>
        <source>Does not agree</source>
        <translation>Does not agree</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>DateEntry</name>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>One day later</source>
        <translation>One day later</translation>
    </message>
    <message>
        <source>One day earlier</source>
        <translation>One day earlier</translation>
    </message>
    <message>
        <source>One month later</source>
        <translation>One month later</translation>
    </message>
    <message>
        <source>One month earlier</source>
        <translation>One month earlier</translation>
    </message>
    <message>
        <source>One year later</source>
        <translation>One year later</translation>
    </message>
    <message>
        <source>One year earlier</source>
        <translation>One year earlier</translation>
    </message>
    <message>
        <source>Ten years later</source>
        <translation>Ten years later</translation>
    </message>
    <message>
        <source>Ten years earlier</source>
        <translation>Ten years earlier</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message numerus="yes">
        <source>%n record(s) are still waiting to be sent, and they belong to this station. Send them first (Sync now), or an officer exports them with &apos;kiosk export-queue&apos;.</source>
        <translation>
            <numerusform>%n record is still waiting to be sent, and it belongs to this station. Send it first (Sync now), or an officer exports it with &apos;kiosk export-queue&apos;.</numerusform>
            <numerusform>%n records are still waiting to be sent, and they belong to this station. Send them first (Sync now), or an officer exports them with &apos;kiosk export-queue&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s address must start with https:// (http:// only on this computer).</source>
        <translation>The server&apos;s address must start with https:// (http:// only on this computer).</translation>
    </message>
    <message>
        <source>The server did not accept this code. Codes work once and for a day: ask the ward office for a new one.</source>
        <translation>The server did not accept this code. Codes work once and for a day: ask the ward office for a new one.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the address and the network, or start as an offline demo station and enrol later in the settings.</source>
        <translation>The server could not be reached. Check the address and the network, or start as an offline demo station and enrol later in the settings.</translation>
    </message>
    <message>
        <source>The server is busy. Please try again in a minute.</source>
        <translation>The server is busy. Please try again in a minute.</translation>
    </message>
    <message>
        <source>The answer was not from a ward intake server. Please check the address.</source>
        <translation>The answer was not from a ward intake server. Please check the address.</translation>
    </message>
    <message>
        <source>Enrolled: station %1, %2, %3.</source>
        <translation>Enrolled: station %1, %2, %3.</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <source>Please type the address of the ward&apos;s intake server.</source>
        <translation>Please type the address of the ward&apos;s intake server.</translation>
    </message>
    <message>
        <source>Please type the enrolment code from the ward office.</source>
        <translation>Please type the enrolment code from the ward office.</translation>
    </message>
    <message>
        <source>Address of the ward&apos;s intake server</source>
        <translation>Address of the ward&apos;s intake server</translation>
    </message>
    <message>
        <source>Enrolment code (from the ward office)</source>
        <translation>Enrolment code (from the ward office)</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Enrolment code</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Please type a name with letters only (Vietnamese letters are fine).</source>
        <translation>Please type a name with letters only (Vietnamese letters are fine).</translation>
    </message>
    <message>
        <source>That text is too long.</source>
        <translation>That text is too long.</translation>
    </message>
    <message>
        <source>A code has 8 letters and digits, like K7QM-4M2X.</source>
        <translation>A code has 8 letters and digits, like K7QM-4M2X.</translation>
    </message>
    <message>
        <source>That value is not accepted. Please check it and try again.</source>
        <translation>That value is not accepted. Please check it and try again.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait %1, then try again.</source>
        <translation>Too many wrong PINs. Please wait %1, then try again.</translation>
    </message>
    <message>
        <source>The server&apos;s address must start with https://. Plain http:// to another computer sends the records and the station&apos;s token unencrypted, so it is refused unless the kiosk&apos;s configuration allows it (allow_insecure_http).</source>
        <translation>The server&apos;s address must start with https://. Plain http:// to another computer sends the records and the station&apos;s token unencrypted, so it is refused unless the kiosk&apos;s configuration allows it (allow_insecure_http).</translation>
    </message>
    <message>
        <source>You took this record yourself: another officer must check it (four eyes).</source>
        <translation>You took this record yourself: another officer must check it (four eyes).</translation>
    </message>
    <message>
        <source>Only an officer can do this.</source>
        <translation>Only an officer can do this.</translation>
    </message>
    <message>
        <source>A PIN has 6 to 12 digits and cannot be one digit repeated or a run like 123456.</source>
        <translation>A PIN has 6 to 12 digits and cannot be one digit repeated or a run like 123456.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>That PIN is not right.</translation>
    </message>
    <message>
        <source>This person can no longer sign in. Please ask an officer.</source>
        <translation>This person can no longer sign in. Please ask an officer.</translation>
    </message>
    <message>
        <source>This cannot be done for this person.</source>
        <translation>This cannot be done for this person.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was saved. Ask an officer to free some space.</source>
        <translation>The disk is full, so nothing was saved. Ask an officer to free some space.</translation>
    </message>
    <message>
        <source>The records are busy in another program. Please try again in a moment.</source>
        <translation>The records are busy in another program. Please try again in a moment.</translation>
    </message>
    <message>
        <source>The disk reported an error while saving. Ask an officer to check the computer.</source>
        <translation>The disk reported an error while saving. Ask an officer to check the computer.</translation>
    </message>
    <message>
        <source>The records are damaged, so saving has been stopped to protect them. An officer must restore the last backup.</source>
        <translation>The records are damaged, so saving has been stopped to protect them. An officer must restore the last backup.</translation>
    </message>
    <message>
        <source>The kiosk cannot unlock its records: the key is missing or wrong. Call the technician; do not reinstall.</source>
        <translation>The kiosk cannot unlock its records: the key is missing or wrong. Call the technician; do not reinstall.</translation>
    </message>
    <message>
        <source>The computer reported a problem with its disk. Ask an officer to check it.</source>
        <translation>The computer reported a problem with its disk. Ask an officer to check it.</translation>
    </message>
    <message>
        <source>Something went wrong and has been noted. Please tell an officer.</source>
        <translation>Something went wrong and has been noted. Please tell an officer.</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Today at this community house</source>
        <translation>Today at this community house</translation>
    </message>
    <message>
        <source>Scan the resident&apos;s chip ID card to begin.</source>
        <translation>Scan the resident&apos;s chip ID card to begin.</translation>
    </message>
    <message>
        <source>Type an ID number</source>
        <translation>Type an ID number</translation>
    </message>
    <message>
        <source>Find a resident</source>
        <translation>Find a resident</translation>
    </message>
    <message>
        <source>Households and who is left</source>
        <translation>Households and who is left</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>practice records made today (training)</source>
        <translation>practice records made today (training)</translation>
    </message>
    <message>
        <source>residents whose records were taken today</source>
        <translation>residents whose records were taken today</translation>
    </message>
    <message>
        <source>waiting for an officer to check</source>
        <translation>waiting for an officer to check</translation>
    </message>
    <message>
        <source>checked and waiting to be sent</source>
        <translation>checked and waiting to be sent</translation>
    </message>
    <message>
        <source>The day&apos;s report</source>
        <translation>The day&apos;s report</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>To verify: %1</source>
        <translation>To verify: %1</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Needs attention: %1</translation>
    </message>
    <message>
        <source>Volunteers and officers</source>
        <translation>Volunteers and officers</translation>
    </message>
    <message>
        <source>Continue the visit of %1 (saved at %2)</source>
        <translation>Continue the visit of %1 (saved at %2)</translation>
    </message>
    <message>
        <source>Returned: %1 — %2</source>
        <translation>Returned: %1 — %2</translation>
    </message>
    <message>
        <source>Phone %1 · code %2</source>
        <translation>Phone %1 · code %2</translation>
    </message>
    <message>
        <source>No phone given · code %1</source>
        <translation>No phone given · code %1</translation>
    </message>
    <message>
        <source>Sent %1 of %2</source>
        <translation>Sent %1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind the ward&apos;s server. Please set the right time: every record carries it.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute(s) behind the ward&apos;s server. Please set the right time: every record carries it.</numerusform>
            <numerusform>This computer&apos;s clock is %n minute(s) behind the ward&apos;s server. Please set the right time: every record carries it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead of the ward&apos;s server. Please set the right time: every record carries it.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute(s) ahead of the ward&apos;s server. Please set the right time: every record carries it.</numerusform>
            <numerusform>This computer&apos;s clock is %n minute(s) ahead of the ward&apos;s server. Please set the right time: every record carries it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plain http:// is allowed in this kiosk&apos;s configuration: records and the station&apos;s token may cross the network unencrypted. Ask the technician to set up https://.</source>
        <translation>Plain http:// is allowed in this kiosk&apos;s configuration: records and the station&apos;s token may cross the network unencrypted. Ask the technician to set up https://.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>HouseholdsScreen</name>
    <message>
        <source>Status: %1 — %2</source>
        <translation>Status: %1 — %2</translation>
    </message>
    <message>
        <source>%1 (born %2)</source>
        <translation>%1 (born %2)</translation>
    </message>
    <message>
        <source>Record an outcome</source>
        <translation>Record an outcome</translation>
    </message>
    <message>
        <source>Nothing on file: does not count</source>
        <translation>Nothing on file: does not count</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Not done yet</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>Come back on %1</source>
        <translation>Come back on %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>whole household</source>
        <translation>whole household</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Partly done</source>
        <translation>Partly done</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>nothing on file</source>
        <translation>nothing on file</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 of %2 done</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>%1 not yet done of %2</source>
        <translation>%1 not yet done of %2</translation>
    </message>
    <message>
        <source>Every street and alley</source>
        <translation>Every street and alley</translation>
    </message>
    <message>
        <source>No street named</source>
        <translation>No street named</translation>
    </message>
    <message>
        <source>%1 household(s) shown of %2</source>
        <translation>%1 household(s) shown of %2</translation>
    </message>
    <message>
        <source>No household on this kiosk yet: the roster comes from the ward&apos;s server.</source>
        <translation>No household on this kiosk yet: the roster comes from the ward&apos;s server.</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Search: name, address or ID number</source>
        <translation>Search: name, address or ID number</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Not yet done</source>
        <translation>Not yet done</translation>
    </message>
    <message>
        <source>Route sheet</source>
        <translation>Route sheet</translation>
    </message>
    <message>
        <source>Street or alley</source>
        <translation>Street or alley</translation>
    </message>
    <message>
        <source>Record for the household</source>
        <translation>Record for the household</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>What happened: %1</source>
        <translation>What happened: %1</translation>
    </message>
    <message>
        <source>What happened: the whole household, %1</source>
        <translation>What happened: the whole household, %1</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>To protect residents&apos; information, this screen locks in %1 seconds. Tap to keep working.</source>
        <translation>To protect residents&apos; information, this screen locks in %1 seconds. Tap to keep working.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>I am still here</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>Delete one digit</source>
        <translation>Delete one digit</translation>
    </message>
</context>
<context>
    <name>KindPicker</name>
    <message>
        <source>Car</source>
        <translation>Car</translation>
    </message>
    <message>
        <source>Motorbike</source>
        <translation>Motorbike</translation>
    </message>
    <message>
        <source>Electric motorbike</source>
        <translation>Electric motorbike</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>LicenceClassPicker</name>
    <message>
        <source>Issued before 2025</source>
        <translation>Issued before 2025</translation>
    </message>
    <message>
        <source>Issued from 2025</source>
        <translation>Issued from 2025</translation>
    </message>
</context>
<context>
    <name>Link</name>
    <message>
        <source>Connecting to the ward&apos;s server…</source>
        <translation>Connecting to the ward&apos;s server…</translation>
    </message>
    <message>
        <source>Offline — demo station, not enrolled</source>
        <translation>Offline — demo station, not enrolled</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline — records are kept safely here</source>
        <translation>Offline — records are kept safely here</translation>
    </message>
    <message>
        <source>The server is busy — the kiosk will try again by itself</source>
        <translation>The server is busy — the kiosk will try again by itself</translation>
    </message>
    <message>
        <source>The server refused this kiosk — an officer must enrol it again</source>
        <translation>The server refused this kiosk — an officer must enrol it again</translation>
    </message>
    <message>
        <source>The server answers, but not to sending: its address or the network&apos;s settings are wrong. Sending waits; an officer should check the server&apos;s address.</source>
        <translation>The server answers, but not to sending: its address or the network&apos;s settings are wrong. Sending waits; an officer should check the server&apos;s address.</translation>
    </message>
    <message>
        <source>Sending has stopped: a problem with this computer&apos;s records</source>
        <translation>Sending has stopped: a problem with this computer&apos;s records</translation>
    </message>
    <message>
        <source>Online — sending records…</source>
        <translation>Online — sending records…</translation>
    </message>
    <message>
        <source>Last sync today at %1</source>
        <translation>Last sync today at %1</translation>
    </message>
    <message>
        <source>Last sync %1 at %2</source>
        <translation>Last sync %1 at %2</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <source>Type at least the start of the name.</source>
        <translation>Type at least the start of the name.</translation>
    </message>
    <message>
        <source>The birth year has four digits, e.g. 1958.</source>
        <translation>The birth year has four digits, e.g. 1958.</translation>
    </message>
    <message>
        <source>Type the licence number.</source>
        <translation>Type the licence number.</translation>
    </message>
    <message>
        <source>No visit with the code %1 was found on this kiosk. If it was made at another kiosk, the ward&apos;s server may have it: ask an officer.</source>
        <translation>No visit with the code %1 was found on this kiosk. If it was made at another kiosk, the ward&apos;s server may have it: ask an officer.</translation>
    </message>
    <message>
        <source>%1 (born %2)</source>
        <translation>%1 (born %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n resident(s) found</source>
        <translation>
            <numerusform>%n resident found</numerusform>
            <numerusform>%n residents found</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>Nobody found.</translation>
    </message>
    <message>
        <source>Find a visit by its reference code</source>
        <translation>Find a visit by its reference code</translation>
    </message>
    <message>
        <source>Find a resident</source>
        <translation>Find a resident</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Reference code</source>
        <translation>Reference code</translation>
    </message>
    <message>
        <source>12-digit ID number</source>
        <translation>12-digit ID number</translation>
    </message>
    <message>
        <source>Full name (marks not needed)</source>
        <translation>Full name (marks not needed)</translation>
    </message>
    <message>
        <source>Birth year (if known)</source>
        <translation>Birth year (if known)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>Licence number</translation>
    </message>
    <message>
        <source>Code on the receipt, e.g. K7QM-4M2X</source>
        <translation>Code on the receipt, e.g. K7QM-4M2X</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Search again</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Evening session not closed</source>
        <translation>Evening session not closed</translation>
    </message>
    <message>
        <source>The evening session of %1 (opened at %2) was not closed. Close it now? You will see its summary first.</source>
        <translation>The evening session of %1 (opened at %2) was not closed. Close it now? You will see its summary first.</translation>
    </message>
    <message>
        <source>Close it now</source>
        <translation>Close it now</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>The screen was locked because nobody used it for a while.</source>
        <translation>The screen was locked because nobody used it for a while.</translation>
    </message>
    <message>
        <source>Sign in first, then scan the card again. The card was not kept.</source>
        <translation>Sign in first, then scan the card again. The card was not kept.</translation>
    </message>
    <message>
        <source>This resident&apos;s visit is already open.</source>
        <translation>This resident&apos;s visit is already open.</translation>
    </message>
    <message>
        <source>Another card</source>
        <translation>Another card</translation>
    </message>
    <message>
        <source>%1&apos;s visit is not finished. Keep it as a draft (Home offers it again) and open the card just scanned?</source>
        <translation>%1&apos;s visit is not finished. Keep it as a draft (Home offers it again) and open the card just scanned?</translation>
    </message>
    <message>
        <source>Keep as draft, open the card</source>
        <translation>Keep as draft, open the card</translation>
    </message>
    <message>
        <source>Stay with this visit</source>
        <translation>Stay with this visit</translation>
    </message>
    <message>
        <source>Only an officer can open that screen.</source>
        <translation>Only an officer can open that screen.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Community house kiosk</source>
        <translation>Community house kiosk</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>space</source>
        <translation>space</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>OperatorsScreen</name>
    <message>
        <source>Please type the person&apos;s full name.</source>
        <translation>Please type the person&apos;s full name.</translation>
    </message>
    <message>
        <source>The two PINs were not the same. Please choose it again.</source>
        <translation>The two PINs were not the same. Please choose it again.</translation>
    </message>
    <message>
        <source>Added. They sign in with this PIN and then choose their own.</source>
        <translation>Added. They sign in with this PIN and then choose their own.</translation>
    </message>
    <message>
        <source>The PIN was reset. They choose a new one at their next sign-in.</source>
        <translation>The PIN was reset. They choose a new one at their next sign-in.</translation>
    </message>
    <message>
        <source>Done. This person can no longer sign in.</source>
        <translation>Done. This person can no longer sign in.</translation>
    </message>
    <message>
        <source>Someone with this name is already on the list. Add something to tell them apart.</source>
        <translation>Someone with this name is already on the list. Add something to tell them apart.</translation>
    </message>
    <message>
        <source>Volunteers and officers</source>
        <translation>Volunteers and officers</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <source>Can no longer sign in</source>
        <translation>Can no longer sign in</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Tap a name to see what you can do</source>
        <translation>Tap a name to see what you can do</translation>
    </message>
    <message>
        <source>Add a person: name and role</source>
        <translation>Add a person: name and role</translation>
    </message>
    <message>
        <source>Choose their first PIN</source>
        <translation>Choose their first PIN</translation>
    </message>
    <message>
        <source>Choose their new PIN</source>
        <translation>Choose their new PIN</translation>
    </message>
    <message>
        <source>Type the same PIN once more</source>
        <translation>Type the same PIN once more</translation>
    </message>
    <message>
        <source>Stop this person from signing in?</source>
        <translation>Stop this person from signing in?</translation>
    </message>
    <message>
        <source>This person can no longer sign in.</source>
        <translation>This person can no longer sign in.</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <source>Stop sign-in</source>
        <translation>Stop sign-in</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>%1 to %2 digits</source>
        <translation>%1 to %2 digits</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>The same PIN again</translation>
    </message>
    <message>
        <source>%1 will no longer be able to sign in. What they recorded stays. This cannot be undone here.</source>
        <translation>%1 will no longer be able to sign in. What they recorded stays. This cannot be undone here.</translation>
    </message>
    <message>
        <source>Yes, stop sign-in</source>
        <translation>Yes, stop sign-in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Come back on a day</source>
        <translation>Come back on a day</translation>
    </message>
    <message>
        <source>Day to come back on</source>
        <translation>Day to come back on</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>e.g. the son works nights; call after 8 pm</source>
        <translation>e.g. the son works nights; call after 8 pm</translation>
    </message>
</context>
<context>
    <name>PaperChips</name>
    <message>
        <source>Registration certificate</source>
        <translation>Registration certificate</translation>
    </message>
    <message>
        <source>Sale contract</source>
        <translation>Sale contract</translation>
    </message>
    <message>
        <source>Handwritten sale paper</source>
        <translation>Handwritten sale paper</translation>
    </message>
    <message>
        <source>No papers</source>
        <translation>No papers</translation>
    </message>
</context>
<context>
    <name>PlateDialog</name>
    <message>
        <source>Number plate</source>
        <translation>Number plate</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PlateKeypad</name>
    <message>
        <source>The plate is complete: press OK.</source>
        <translation>The plate is complete: press OK.</translation>
    </message>
    <message>
        <source>“%1” cannot come here on a plate.</source>
        <translation>“%1” cannot come here on a plate.</translation>
    </message>
    <message>
        <source>Plate number</source>
        <translation>Plate number</translation>
    </message>
    <message>
        <source>This plate does not fit the kind of vehicle chosen.</source>
        <translation>This plate does not fit the kind of vehicle chosen.</translation>
    </message>
    <message>
        <source>Registered in: %1</source>
        <translation>Registered in: %1</translation>
    </message>
    <message>
        <source>Code %1 is not in the list of provinces: check it.</source>
        <translation>Code %1 is not in the list of provinces: check it.</translation>
    </message>
    <message>
        <source>Type the letters and digits; dots and dashes come by themselves.</source>
        <translation>Type the letters and digits; dots and dashes come by themselves.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Clear the plate</source>
        <translation>Clear the plate</translation>
    </message>
    <message>
        <source>Delete one character</source>
        <translation>Delete one character</translation>
    </message>
</context>
<context>
    <name>PrinterChoice</name>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <source>No printer is connected to this computer: receipts are shown on the screen only.</source>
        <translation>No printer is connected to this computer: receipts are shown on the screen only.</translation>
    </message>
    <message>
        <source>The chosen printer %1 is not connected. Connect it, or choose another one.</source>
        <translation>The chosen printer %1 is not connected. Connect it, or choose another one.</translation>
    </message>
    <message>
        <source>Choose the printer for the receipts.</source>
        <translation>Choose the printer for the receipts.</translation>
    </message>
    <message>
        <source>Printer for receipts</source>
        <translation>Printer for receipts</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>80 mm receipt roll</translation>
    </message>
    <message>
        <source>A4 sheet</source>
        <translation>A4 sheet</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No printer is connected to this computer.</source>
        <translation>No printer is connected to this computer.</translation>
    </message>
    <message>
        <source>The printer %1 is not connected. Check its cable and power, or choose another printer in Settings.</source>
        <translation>The printer %1 is not connected. Check its cable and power, or choose another printer in Settings.</translation>
    </message>
    <message>
        <source>The printer %1 did not take the receipt. Check that it is on, then try again.</source>
        <translation>The printer %1 did not take the receipt. Check that it is on, then try again.</translation>
    </message>
    <message>
        <source>The printer %1 stopped printing. Check its paper, then try again.</source>
        <translation>The printer %1 stopped printing. Check its paper, then try again.</translation>
    </message>
    <message>
        <source>Keep this receipt. Give its code if you ask the ward about your records.</source>
        <translation>Keep this receipt. Give its code if you ask the ward about your records.</translation>
    </message>
</context>
<context>
    <name>ProgressChart</name>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>Previous group</source>
        <translation>Previous group</translation>
    </message>
    <message>
        <source>Next group</source>
        <translation>Next group</translation>
    </message>
    <message>
        <source>Residents served: %1</source>
        <translation>Residents served: %1</translation>
    </message>
    <message>
        <source>Target (dashed)</source>
        <translation>Target (dashed)</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>Date and time: %1</source>
        <translation>Date and time: %1</translation>
    </message>
    <message>
        <source>Community house: %1</source>
        <translation>Community house: %1</translation>
    </message>
    <message>
        <source>What was recorded:</source>
        <translation>What was recorded:</translation>
    </message>
    <message>
        <source>No record was changed.</source>
        <translation>No record was changed.</translation>
    </message>
    <message>
        <source>Training — not sent: this visit was practice.</source>
        <translation>Training — not sent: this visit was practice.</translation>
    </message>
    <message>
        <source>Your reference code</source>
        <translation>Your reference code</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>Printed.</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>No printer</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>You may take a photo of this code with your phone. Give this code if you ask the ward about your records.</source>
        <translation>You may take a photo of this code with your phone. Give this code if you ask the ward about your records.</translation>
    </message>
    <message>
        <source>Officer checks now</source>
        <translation>Officer checks now</translation>
    </message>
    <message>
        <source>Scan to install the iHanoi app.</source>
        <translation>Scan to install the iHanoi app.</translation>
    </message>
    <message>
        <source>Next person</source>
        <translation>Next person</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <source>Looking for a USB stick…</source>
        <translation>Looking for a USB stick…</translation>
    </message>
    <message>
        <source>Several USB sticks are plugged in. Tap the one to save the report on.</source>
        <translation>Several USB sticks are plugged in. Tap the one to save the report on.</translation>
    </message>
    <message>
        <source>No USB stick: choose a folder for the report</source>
        <translation>No USB stick: choose a folder for the report</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved as %1 in %2.</source>
        <translation>Saved as %1 in %2.</translation>
    </message>
    <message>
        <source>Residents served</source>
        <translation>Residents served</translation>
    </message>
    <message>
        <source>Vehicles: confirmed</source>
        <translation>Vehicles: confirmed</translation>
    </message>
    <message>
        <source>Vehicles: updated</source>
        <translation>Vehicles: updated</translation>
    </message>
    <message>
        <source>Vehicles: no longer owned</source>
        <translation>Vehicles: no longer owned</translation>
    </message>
    <message>
        <source>Vehicles: not mine</source>
        <translation>Vehicles: not mine</translation>
    </message>
    <message>
        <source>Vehicles: added</source>
        <translation>Vehicles: added</translation>
    </message>
    <message>
        <source>Licences: confirmed</source>
        <translation>Licences: confirmed</translation>
    </message>
    <message>
        <source>Licences: updated</source>
        <translation>Licences: updated</translation>
    </message>
    <message>
        <source>Licences: lost</source>
        <translation>Licences: lost</translation>
    </message>
    <message>
        <source>Licences: not mine</source>
        <translation>Licences: not mine</translation>
    </message>
    <message>
        <source>Licences: added</source>
        <translation>Licences: added</translation>
    </message>
    <message>
        <source>Households done</source>
        <translation>Households done</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Refusals</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Reading the day&apos;s figures…</source>
        <translation>Reading the day&apos;s figures…</translation>
    </message>
    <message>
        <source>Nothing to report for this day: no residential group, no figure.</source>
        <translation>Nothing to report for this day: no residential group, no figure.</translation>
    </message>
    <message>
        <source>%1 record(s) of this day are not yet sent to the ward&apos;s server: its figures may still grow there.</source>
        <translation>%1 record(s) of this day are not yet sent to the ward&apos;s server: its figures may still grow there.</translation>
    </message>
    <message>
        <source>Every record of this day has reached the ward&apos;s server.</source>
        <translation>Every record of this day has reached the ward&apos;s server.</translation>
    </message>
    <message>
        <source>%1 record(s) of this day were not accepted by the ward&apos;s server (rejected or held).</source>
        <translation>%1 record(s) of this day were not accepted by the ward&apos;s server (rejected or held).</translation>
    </message>
    <message>
        <source>The personal data of this day has been purged: the figures come from the counts kept before the purge.</source>
        <translation>The personal data of this day has been purged: the figures come from the counts kept before the purge.</translation>
    </message>
    <message>
        <source>The day&apos;s report</source>
        <translation>The day&apos;s report</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Next day</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Save XLSX</source>
        <translation>Save XLSX</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>Save CSV</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>RepresentativeCard</name>
    <message>
        <source>A relative acting for the resident</source>
        <translation>A relative acting for the resident</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Their full name</source>
        <translation>Their full name</translation>
    </message>
    <message>
        <source>Their ID number (type it, or scan their card)</source>
        <translation>Their ID number (type it, or scan their card)</translation>
    </message>
    <message>
        <source>They are the resident&apos;s</source>
        <translation>They are the resident&apos;s</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Husband or wife</source>
        <translation>Husband or wife</translation>
    </message>
    <message>
        <source>Father or mother</source>
        <translation>Father or mother</translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation>Brother or sister</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>Other relative</translation>
    </message>
</context>
<context>
    <name>ResidentScreen</name>
    <message>
        <source>Looking up the records on file…</source>
        <translation>Looking up the records on file…</translation>
    </message>
    <message>
        <source>This resident is not on the ward&apos;s roster on this kiosk. The page shows what the card says; their records can still be taken.</source>
        <translation>This resident is not on the ward&apos;s roster on this kiosk. The page shows what the card says; their records can still be taken.</translation>
    </message>
    <message>
        <source>No resident with this ID number is on file. Check the number.</source>
        <translation>No resident with this ID number is on file. Check the number.</translation>
    </message>
    <message>
        <source>The ID number does not agree with the birth date or sex on file.</source>
        <translation>The ID number does not agree with the birth date or sex on file.</translation>
    </message>
    <message>
        <source>The name on the card differs from the ward&apos;s roster: check it with the resident.</source>
        <translation>The name on the card differs from the ward&apos;s roster: check it with the resident.</translation>
    </message>
    <message>
        <source>Already cleaned on %1 at %2 (station %3).</source>
        <translation>Already cleaned on %1 at %2 (station %3).</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>Born %1 (age %2) · %3</source>
        <translation>Born %1 (age %2) · %3</translation>
    </message>
    <message>
        <source>Address on the card: %1</source>
        <translation>Address on the card: %1</translation>
    </message>
    <message>
        <source>Address on the ward&apos;s roster: %1</source>
        <translation>Address on the ward&apos;s roster: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <source>Residential group: %1</source>
        <translation>Residential group: %1</translation>
    </message>
    <message>
        <source>Household: %1</source>
        <translation>Household: %1</translation>
    </message>
    <message>
        <source>From the ward&apos;s server.</source>
        <translation>From the ward&apos;s server.</translation>
    </message>
    <message>
        <source>From the card only.</source>
        <translation>From the card only.</translation>
    </message>
    <message>
        <source>Not found on the ward&apos;s server or on this kiosk.</source>
        <translation>Not found on the ward&apos;s server or on this kiosk.</translation>
    </message>
    <message>
        <source>From the copy on this kiosk, updated at %1.</source>
        <translation>From the copy on this kiosk, updated at %1.</translation>
    </message>
    <message>
        <source>Taken up again from the saved draft.</source>
        <translation>Taken up again from the saved draft.</translation>
    </message>
    <message numerus="yes">
        <source>Vehicles on file: %n</source>
        <translation>
            <numerusform>Vehicles on file: %n</numerusform>
            <numerusform>Vehicles on file: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No vehicle on file.</source>
        <translation>No vehicle on file.</translation>
    </message>
    <message>
        <source>This plate is on file for this resident.</source>
        <translation>This plate is on file for this resident.</translation>
    </message>
    <message>
        <source>On file under another person: %1 (%2). It is still added here.</source>
        <translation>On file under another person: %1 (%2). It is still added here.</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to finish:</source>
        <translation>
            <numerusform>%n thing(s) to finish:</numerusform>
            <numerusform>%n thing(s) to finish:</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Relative acting for them</source>
        <translation>Relative acting for them</translation>
    </message>
    <message>
        <source>Not on file? Add:</source>
        <translation>Not on file? Add:</translation>
    </message>
    <message>
        <source>Second-hand, not transferred</source>
        <translation>Second-hand, not transferred</translation>
    </message>
    <message>
        <source>Other vehicle</source>
        <translation>Other vehicle</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Driving licence</translation>
    </message>
    <message numerus="yes">
        <source>Driving licences on file: %n</source>
        <translation>
            <numerusform>Driving licences on file: %n</numerusform>
            <numerusform>Driving licences on file: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No driving licence on file.</source>
        <translation>No driving licence on file.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Added: bought second-hand, never transferred</source>
        <translation>Added: bought second-hand, never transferred</translation>
    </message>
    <message>
        <source>Acting for the resident: %1 (%2)</source>
        <translation>Acting for the resident: %1 (%2)</translation>
    </message>
    <message>
        <source>No vehicle or licence on file.</source>
        <translation>No vehicle or licence on file.</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>Phone: none</source>
        <translation>Phone: none</translation>
    </message>
    <message>
        <source>Consent to use personal data: agreed</source>
        <translation>Consent to use personal data: agreed</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Please check with the resident</source>
        <translation>Please check with the resident</translation>
    </message>
    <message>
        <source>Back to the answers</source>
        <translation>Back to the answers</translation>
    </message>
</context>
<context>
    <name>RosterImportPanel</name>
    <message>
        <source>Checking the file…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Stopping after this part…</source>
        <translation>Stopping after this part…</translation>
    </message>
    <message>
        <source>Checking the file: part %1 of %2</source>
        <translation>Checking the file: part %1 of %2</translation>
    </message>
    <message>
        <source>Importing: %1 of %2 residents (part %3 of %4)</source>
        <translation>Importing: %1 of %2 residents (part %3 of %4)</translation>
    </message>
    <message>
        <source>The roster of %1 is imported: %2 residents, %3 vehicles and %4 licences, from the file made on %5.</source>
        <translation>The roster of %1 is imported: %2 residents, %3 vehicles and %4 licences, from the file made on %5.</translation>
    </message>
    <message>
        <source>Import stopped: %1 of %2 residents are in. Tap the file again to import it all.</source>
        <translation>Import stopped: %1 of %2 residents are in. Tap the file again to import it all.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <source>This kiosk is not enrolled with the ward&apos;s server, so it cannot check the file. Enrol it first (Enrol with a server).</source>
        <translation>This kiosk is not enrolled with the ward&apos;s server, so it cannot check the file. Enrol it first (Enrol with a server).</translation>
    </message>
    <message>
        <source>The file changed or could not be read during the import (was the USB stick taken out?). Put it back and tap the file again.</source>
        <translation>The file changed or could not be read during the import (was the USB stick taken out?). Put it back and tap the file again.</translation>
    </message>
    <message>
        <source>This file was not made by this kiosk&apos;s ward server. Ask the ward office for the right file.</source>
        <translation>This file was not made by this kiosk&apos;s ward server. Ask the ward office for the right file.</translation>
    </message>
    <message>
        <source>This file was changed or damaged after the ward server made it. Ask the ward office for a new file.</source>
        <translation>This file was changed or damaged after the ward server made it. Ask the ward office for a new file.</translation>
    </message>
    <message>
        <source>This file is incomplete: it was cut short, perhaps while it was copied. Copy it to the USB stick again.</source>
        <translation>This file is incomplete: it was cut short, perhaps while it was copied. Copy it to the USB stick again.</translation>
    </message>
    <message>
        <source>This file is the roster of another ward (%1).</source>
        <translation>This file is the roster of another ward (%1).</translation>
    </message>
    <message>
        <source>This is not a roster file, or it cannot be read.</source>
        <translation>This is not a roster file, or it cannot be read.</translation>
    </message>
    <message>
        <source>Stop the import</source>
        <translation>Stop the import</translation>
    </message>
</context>
<context>
    <name>RouteSheet</name>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>partly done</source>
        <translation>partly done</translation>
    </message>
    <message>
        <source>not at home</source>
        <translation>not at home</translation>
    </message>
    <message>
        <source>%1, come back on %2</source>
        <translation>%1, come back on %2</translation>
    </message>
    <message>
        <source>Route sheet</source>
        <translation>Route sheet</translation>
    </message>
    <message>
        <source>Residential groups: %1</source>
        <translation>Residential groups: %1</translation>
    </message>
    <message>
        <source>Made on %1 by %2</source>
        <translation>Made on %1 by %2</translation>
    </message>
    <message>
        <source>Households not yet done: %1 · people to see: %2</source>
        <translation>Households not yet done: %1 · people to see: %2</translation>
    </message>
    <message>
        <source>Address without a street</source>
        <translation>Address without a street</translation>
    </message>
    <message>
        <source>On the street itself</source>
        <translation>On the street itself</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (continued)</translation>
    </message>
    <message>
        <source>come back on %1</source>
        <translation>come back on %1</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Page %1/%2</source>
        <translation>Page %1/%2</translation>
    </message>
    <message>
        <source>Personal data: keep this sheet with you and hand it back after the round.</source>
        <translation>Personal data: keep this sheet with you and hand it back after the round.</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Alley</source>
        <translation>Alley</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RouteSheetDialog</name>
    <message>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>The printer %1 did not take the route sheet. Check that it is on, then try again.</source>
        <translation>The printer %1 did not take the route sheet. Check that it is on, then try again.</translation>
    </message>
    <message>
        <source>The printer %1 stopped printing the route sheet. Check its paper, then try again.</source>
        <translation>The printer %1 stopped printing the route sheet. Check its paper, then try again.</translation>
    </message>
    <message>
        <source>Looking for a USB stick…</source>
        <translation>Looking for a USB stick…</translation>
    </message>
    <message>
        <source>Several USB sticks are plugged in. Tap the one to save the route sheet on.</source>
        <translation>Several USB sticks are plugged in. Tap the one to save the route sheet on.</translation>
    </message>
    <message>
        <source>No USB stick: choose a folder for the route sheet</source>
        <translation>No USB stick: choose a folder for the route sheet</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved as %1 in %2.</source>
        <translation>Saved as %1 in %2.</translation>
    </message>
    <message>
        <source>Sent to the printer %1.</source>
        <translation>Sent to the printer %1.</translation>
    </message>
    <message>
        <source>Route sheet for tonight&apos;s round</source>
        <translation>Route sheet for tonight&apos;s round</translation>
    </message>
    <message>
        <source>Making the list of households not yet done…</source>
        <translation>Making the list of households not yet done…</translation>
    </message>
    <message>
        <source>Every household is done: there is nobody left to visit.</source>
        <translation>Every household is done: there is nobody left to visit.</translation>
    </message>
    <message>
        <source>%1 household(s) not yet done, %2 person(s) to see.</source>
        <translation>%1 household(s) not yet done, %2 person(s) to see.</translation>
    </message>
    <message>
        <source>ID numbers are masked. Files go to the USB stick plugged in; without one, you choose a folder.</source>
        <translation>ID numbers are masked. Files go to the USB stick plugged in; without one, you choose a folder.</translation>
    </message>
    <message>
        <source>Print (A4)</source>
        <translation>Print (A4)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Save as a spreadsheet (XLSX)</source>
        <translation>Save as a spreadsheet (XLSX)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The PDF could not be made, so nothing was saved. The kiosk&apos;s disk may be full: ask an officer to check it.</source>
        <translation>The PDF could not be made, so nothing was saved. The kiosk&apos;s disk may be full: ask an officer to check it.</translation>
    </message>
    <message>
        <source>There is not enough room on %1, so nothing was saved. Free some space on it, or use another USB stick.</source>
        <translation>There is not enough room on %1, so nothing was saved. Free some space on it, or use another USB stick.</translation>
    </message>
    <message>
        <source>%1 cannot be written to (is the USB stick write-protected?), so nothing was saved.</source>
        <translation>%1 cannot be written to (is the USB stick write-protected?), so nothing was saved.</translation>
    </message>
    <message>
        <source>%1 is not there any more (was the USB stick taken out?), so nothing was saved.</source>
        <translation>%1 is not there any more (was the USB stick taken out?), so nothing was saved.</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Choose the resident&apos;s answer for this record.</source>
        <translation>Choose the resident&apos;s answer for this record.</translation>
    </message>
    <message>
        <source>This is the resident&apos;s own ID number: type the other person&apos;s.</source>
        <translation>This is the resident&apos;s own ID number: type the other person&apos;s.</translation>
    </message>
    <message>
        <source>Choose the date when it happened.</source>
        <translation>Choose the date when it happened.</translation>
    </message>
    <message>
        <source>Type the name of the person it went to.</source>
        <translation>Type the name of the person it went to.</translation>
    </message>
    <message>
        <source>Choose the papers seen, or &apos;No papers&apos;.</source>
        <translation>Choose the papers seen, or &apos;No papers&apos;.</translation>
    </message>
    <message>
        <source>This answer needs more details.</source>
        <translation>This answer needs more details.</translation>
    </message>
    <message>
        <source>An ID number has exactly 12 digits.</source>
        <translation>An ID number has exactly 12 digits.</translation>
    </message>
    <message>
        <source>This ID number starts with an unknown province code.</source>
        <translation>This ID number starts with an unknown province code.</translation>
    </message>
    <message>
        <source>This ID number is not possible yet.</source>
        <translation>This ID number is not possible yet.</translation>
    </message>
    <message>
        <source>The ID number does not agree with the birth date.</source>
        <translation>The ID number does not agree with the birth date.</translation>
    </message>
    <message>
        <source>The ID number does not agree with the sex.</source>
        <translation>The ID number does not agree with the sex.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>This date is in the future.</translation>
    </message>
    <message>
        <source>This date is before the resident was born.</source>
        <translation>This date is before the resident was born.</translation>
    </message>
    <message>
        <source>These dates are in the wrong order.</source>
        <translation>These dates are in the wrong order.</translation>
    </message>
    <message>
        <source>This is not a real date.</source>
        <translation>This is not a real date.</translation>
    </message>
    <message>
        <source>This is not a Vietnamese number plate.</source>
        <translation>This is not a Vietnamese number plate.</translation>
    </message>
    <message>
        <source>A plate&apos;s province code is 11 or more.</source>
        <translation>A plate&apos;s province code is 11 or more.</translation>
    </message>
    <message>
        <source>These series letters are not used on plates.</source>
        <translation>These series letters are not used on plates.</translation>
    </message>
    <message>
        <source>These plate digits are not possible.</source>
        <translation>These plate digits are not possible.</translation>
    </message>
    <message>
        <source>This plate does not fit this kind of vehicle.</source>
        <translation>This plate does not fit this kind of vehicle.</translation>
    </message>
    <message>
        <source>The chassis number has characters not allowed.</source>
        <translation>The chassis number has characters not allowed.</translation>
    </message>
    <message>
        <source>The engine number has characters not allowed.</source>
        <translation>The engine number has characters not allowed.</translation>
    </message>
    <message>
        <source>A licence number has 12 digits (old paper ones differ).</source>
        <translation>A licence number has 12 digits (old paper ones differ).</translation>
    </message>
    <message>
        <source>This licence number starts with an unknown province.</source>
        <translation>This licence number starts with an unknown province.</translation>
    </message>
    <message>
        <source>This licence class does not exist.</source>
        <translation>This licence class does not exist.</translation>
    </message>
    <message>
        <source>This class does not exist in that scheme.</source>
        <translation>This class does not exist in that scheme.</translation>
    </message>
    <message>
        <source>The class scheme does not fit the issue date.</source>
        <translation>The class scheme does not fit the issue date.</translation>
    </message>
    <message>
        <source>The expiry is before the issue date.</source>
        <translation>The expiry is before the issue date.</translation>
    </message>
    <message>
        <source>This is not a Vietnamese phone number.</source>
        <translation>This is not a Vietnamese phone number.</translation>
    </message>
    <message>
        <source>No mobile number starts like this.</source>
        <translation>No mobile number starts like this.</translation>
    </message>
    <message>
        <source>Type a name with letters only.</source>
        <translation>Type a name with letters only.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>This text is too long.</translation>
    </message>
    <message>
        <source>This cannot be left empty.</source>
        <translation>This cannot be left empty.</translation>
    </message>
    <message>
        <source>This vehicle is on file for the resident: answer that record instead.</source>
        <translation>This vehicle is on file for the resident: answer that record instead.</translation>
    </message>
    <message>
        <source>This record is answered twice.</source>
        <translation>This record is answered twice.</translation>
    </message>
    <message>
        <source>&apos;No papers&apos; goes with no other paper.</source>
        <translation>&apos;No papers&apos; goes with no other paper.</translation>
    </message>
    <message>
        <source>Check the plate: its province code is unusual.</source>
        <translation>Check the plate: its province code is unusual.</translation>
    </message>
    <message>
        <source>Check the licence number: an old paper one?</source>
        <translation>Check the licence number: an old paper one?</translation>
    </message>
    <message>
        <source>Check the expiry date on the licence.</source>
        <translation>Check the expiry date on the licence.</translation>
    </message>
    <message>
        <source>The expiry date is unusual for this class.</source>
        <translation>The expiry date is unusual for this class.</translation>
    </message>
    <message>
        <source>Check the class on the licence.</source>
        <translation>Check the class on the licence.</translation>
    </message>
    <message>
        <source>A landline: a mobile number can receive messages.</source>
        <translation>A landline: a mobile number can receive messages.</translation>
    </message>
    <message>
        <source>Check the chassis number: a car&apos;s has 17 characters.</source>
        <translation>Check the chassis number: a car&apos;s has 17 characters.</translation>
    </message>
    <message>
        <source>Check the birth date: the age is unusual.</source>
        <translation>Check the birth date: the age is unusual.</translation>
    </message>
    <message>
        <source>The name on the card differs from the roster.</source>
        <translation>The name on the card differs from the roster.</translation>
    </message>
    <message>
        <source>This value is not accepted. Please check it.</source>
        <translation>This value is not accepted. Please check it.</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <source>That is a health-insurance card. Please scan the QR code on the front of the chip ID card (căn cước).</source>
        <translation>That is a health-insurance card. Please scan the QR code on the front of the chip ID card (căn cước).</translation>
    </message>
    <message>
        <source>That is a web address, not an ID card. Please scan the QR code on the front of the chip ID card.</source>
        <translation>That is a web address, not an ID card. Please scan the QR code on the front of the chip ID card.</translation>
    </message>
    <message>
        <source>That is a product barcode, not an ID card. Please scan the QR code on the front of the chip ID card.</source>
        <translation>That is a product barcode, not an ID card. Please scan the QR code on the front of the chip ID card.</translation>
    </message>
    <message>
        <source>The card&apos;s ID number does not agree with its birth date or sex. Type the ID number by hand and check the card with an officer.</source>
        <translation>The card&apos;s ID number does not agree with its birth date or sex. Type the ID number by hand and check the card with an officer.</translation>
    </message>
    <message>
        <source>Only part of the card was read. Hold the card still under the scanner and scan it again.</source>
        <translation>Only part of the card was read. Hold the card still under the scanner and scan it again.</translation>
    </message>
    <message>
        <source>That code was not recognised. Scan the QR code on the front of the chip ID card, or type the ID number on the keypad.</source>
        <translation>That code was not recognised. Scan the QR code on the front of the chip ID card, or type the ID number on the keypad.</translation>
    </message>
    <message>
        <source>Close the message on the screen first, then scan the card again.</source>
        <translation>Close the message on the screen first, then scan the card again.</translation>
    </message>
    <message>
        <source>Cards cannot be used on this screen. Go Home first, then scan the card again.</source>
        <translation>Cards cannot be used on this screen. Go Home first, then scan the card again.</translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>Open the evening session</source>
        <translation>Open the evening session</translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation>Close the session</translation>
    </message>
    <message>
        <source>No evening session is open.</source>
        <translation>No evening session is open.</translation>
    </message>
    <message>
        <source>The first visit taken today opens one by itself.</source>
        <translation>The first visit taken today opens one by itself.</translation>
    </message>
    <message>
        <source>Evening session open since %1</source>
        <translation>Evening session open since %1</translation>
    </message>
    <message>
        <source>Served %1 · checked %2 · sent %3 · set aside %4</source>
        <translation>Served %1 · checked %2 · sent %3 · set aside %4</translation>
    </message>
    <message numerus="yes">
        <source>%n closed session(s) not yet confirmed by the ward&apos;s server: the kiosk checks by itself when the server answers.</source>
        <translation>
            <numerusform>%n closed session(s) not yet confirmed by the ward&apos;s server: the kiosk checks by itself when the server answers.</numerusform>
            <numerusform>%n closed session(s) not yet confirmed by the ward&apos;s server: the kiosk checks by itself when the server answers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionScreen</name>
    <message>
        <source>Closed. Asking the ward&apos;s server whether it has every record…</source>
        <translation>Closed. Asking the ward&apos;s server whether it has every record…</translation>
    </message>
    <message>
        <source>Closed. This kiosk has no ward&apos;s server to check with.</source>
        <translation>Closed. This kiosk has no ward&apos;s server to check with.</translation>
    </message>
    <message>
        <source>Closed. The ward&apos;s server lacked %1 record(s); %2 were sent again. The kiosk will try again by itself; if it keeps failing, save the records to a USB stick.</source>
        <translation>Closed. The ward&apos;s server lacked %1 record(s); %2 were sent again. The kiosk will try again by itself; if it keeps failing, save the records to a USB stick.</translation>
    </message>
    <message>
        <source>Closed. The ward&apos;s server lacks %1 record(s) whose details this kiosk has already erased. Tell the ward office.</source>
        <translation>Closed. The ward&apos;s server lacks %1 record(s) whose details this kiosk has already erased. Tell the ward office.</translation>
    </message>
    <message>
        <source>Closed. The ward&apos;s server lacked %1 record(s): they were sent again.</source>
        <translation>Closed. The ward&apos;s server lacked %1 record(s): they were sent again.</translation>
    </message>
    <message>
        <source>Closed. The ward&apos;s server has every record of the session.</source>
        <translation>Closed. The ward&apos;s server has every record of the session.</translation>
    </message>
    <message>
        <source>Closed, but the ward&apos;s server did not answer. The kiosk will check with it by itself when it answers again. You can also save the records to a USB stick.</source>
        <translation>Closed, but the ward&apos;s server did not answer. The kiosk will check with it by itself when it answers again. You can also save the records to a USB stick.</translation>
    </message>
    <message>
        <source>Save to %1</source>
        <translation>Save to %1</translation>
    </message>
    <message>
        <source>Save the records not yet sent to a USB stick, for the ward&apos;s server:</source>
        <translation>Save the records not yet sent to a USB stick, for the ward&apos;s server:</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in, then tap “Look again”.</source>
        <translation>No USB stick found. Plug one in, then tap “Look again”.</translation>
    </message>
    <message>
        <source>%1 record(s) saved to the stick as %2.</source>
        <translation>%1 record(s) saved to the stick as %2.</translation>
    </message>
    <message>
        <source>Open the evening session</source>
        <translation>Open the evening session</translation>
    </message>
    <message>
        <source>Close the evening session</source>
        <translation>Close the evening session</translation>
    </message>
    <message>
        <source>Residential groups this session covers</source>
        <translation>Residential groups this session covers</translation>
    </message>
    <message>
        <source>This kiosk has no roster yet: the session opens without a residential group.</source>
        <translation>This kiosk has no roster yet: the session opens without a residential group.</translation>
    </message>
    <message>
        <source>Who is on duty</source>
        <translation>Who is on duty</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Open the session</source>
        <translation>Open the session</translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation>Close the session</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Look again</translation>
    </message>
    <message>
        <source>Residents served: %1</source>
        <translation>Residents served: %1</translation>
    </message>
    <message>
        <source>Households covered: %1</source>
        <translation>Households covered: %1</translation>
    </message>
    <message>
        <source>Checked by an officer: %1</source>
        <translation>Checked by an officer: %1</translation>
    </message>
    <message>
        <source>Sent to the ward&apos;s server: %1</source>
        <translation>Sent to the ward&apos;s server: %1</translation>
    </message>
    <message>
        <source>Set aside (the server kept failing): %1</source>
        <translation>Set aside (the server kept failing): %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <source>Driving licences</source>
        <translation>Driving licences</translation>
    </message>
    <message>
        <source>%1: %2 visit(s) taken, %3 checked</source>
        <translation>%1: %2 visit(s) taken, %3 checked</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Please type the name of the community house.</source>
        <translation>Please type the name of the community house.</translation>
    </message>
    <message>
        <source>The community house&apos;s name is saved.</source>
        <translation>The community house&apos;s name is saved.</translation>
    </message>
    <message>
        <source>Contacting the ward&apos;s server…</source>
        <translation>Contacting the ward&apos;s server…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Largest</translation>
    </message>
    <message>
        <source>Lock the screen when nobody uses it for:</source>
        <translation>Lock the screen when nobody uses it for:</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <source>Name of the community house (printed on receipts)</source>
        <translation>Name of the community house (printed on receipts)</translation>
    </message>
    <message>
        <source>Name of the community house</source>
        <translation>Name of the community house</translation>
    </message>
    <message>
        <source>Save the name</source>
        <translation>Save the name</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>On-screen keyboard</source>
        <translation>On-screen keyboard</translation>
    </message>
    <message>
        <source>Typing Vietnamese</source>
        <translation>Typing Vietnamese</translation>
    </message>
    <message>
        <source>Hold a key</source>
        <translation>Hold a key</translation>
    </message>
    <message>
        <source>Station %1, enrolled with the ward&apos;s server %2 (%3, %4).</source>
        <translation>Station %1, enrolled with the ward&apos;s server %2 (%3, %4).</translation>
    </message>
    <message>
        <source>Station %1: offline demo station, not enrolled with a server.</source>
        <translation>Station %1: offline demo station, not enrolled with a server.</translation>
    </message>
    <message>
        <source>Warning: the records on this computer are NOT encrypted.</source>
        <translation>Warning: the records on this computer are NOT encrypted.</translation>
    </message>
    <message>
        <source>Enrol again</source>
        <translation>Enrol again</translation>
    </message>
    <message>
        <source>Enrol with a server</source>
        <translation>Enrol with a server</translation>
    </message>
    <message>
        <source>Type the address of the ward&apos;s intake server and the one-time code from the ward office. Records still waiting must be sent before enrolling again.</source>
        <translation>Type the address of the ward&apos;s intake server and the one-time code from the ward office. Records still waiting must be sent before enrolling again.</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <source>To leave kiosk mode, type your officer PIN.</source>
        <translation>To leave kiosk mode, type your officer PIN.</translation>
    </message>
    <message>
        <source>Officer PIN</source>
        <translation>Officer PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Import the roster from a USB stick</source>
        <translation>Import the roster from a USB stick</translation>
    </message>
    <message>
        <source>For a ward without network: put in the USB stick with the roster file from the ward&apos;s server, then tap the file. It is checked first; a file that was changed, cut short or made for another ward is refused.</source>
        <translation>For a ward without network: put in the USB stick with the roster file from the ward&apos;s server, then tap the file. It is checked first; a file that was changed, cut short or made for another ward is refused.</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Contacting the ward&apos;s server…</source>
        <translation>Contacting the ward&apos;s server…</translation>
    </message>
    <message>
        <source>Please type the name of the community house.</source>
        <translation>Please type the name of the community house.</translation>
    </message>
    <message>
        <source>Please type the officer&apos;s full name.</source>
        <translation>Please type the officer&apos;s full name.</translation>
    </message>
    <message>
        <source>The two PINs were not the same. Please choose it again.</source>
        <translation>The two PINs were not the same. Please choose it again.</translation>
    </message>
    <message>
        <source>First start — step %1 of %2</source>
        <translation>First start — step %1 of %2</translation>
    </message>
    <message>
        <source>Welcome! Please choose the language of this kiosk.</source>
        <translation>Welcome! Please choose the language of this kiosk.</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>This station</translation>
    </message>
    <message>
        <source>What is the name of this community house?</source>
        <translation>What is the name of this community house?</translation>
    </message>
    <message>
        <source>Who is the first officer of this kiosk?</source>
        <translation>Who is the first officer of this kiosk?</translation>
    </message>
    <message>
        <source>Choose the officer&apos;s PIN: %1 to %2 digits.</source>
        <translation>Choose the officer&apos;s PIN: %1 to %2 digits.</translation>
    </message>
    <message>
        <source>Type the same PIN once more.</source>
        <translation>Type the same PIN once more.</translation>
    </message>
    <message>
        <source>Connect to the ward&apos;s server</source>
        <translation>Connect to the ward&apos;s server</translation>
    </message>
    <message>
        <source>Offline demo station</source>
        <translation>Offline demo station</translation>
    </message>
    <message>
        <source>Records are kept safely on this computer and sent to the ward&apos;s server whenever there is a connection.</source>
        <translation>Records are kept safely on this computer and sent to the ward&apos;s server whenever there is a connection.</translation>
    </message>
    <message>
        <source>An offline demo station keeps records on this computer and sends nothing. An officer can enrol it later in the settings.</source>
        <translation>An offline demo station keeps records on this computer and sends nothing. An officer can enrol it later in the settings.</translation>
    </message>
    <message>
        <source>Training mode (for teaching volunteers)</source>
        <translation>Training mode (for teaching volunteers)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Name of the community house</source>
        <translation>Name of the community house</translation>
    </message>
    <message>
        <source>It is printed on every receipt the residents take home.</source>
        <translation>It is printed on every receipt the residents take home.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Type the PIN</source>
        <translation>Type the PIN</translation>
    </message>
    <message>
        <source>Type the PIN again</source>
        <translation>Type the PIN again</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>The two PINs were not the same. Please choose it again.</source>
        <translation>The two PINs were not the same. Please choose it again.</translation>
    </message>
    <message>
        <source>Welcome! Please choose your own PIN now.</source>
        <translation>Welcome! Please choose your own PIN now.</translation>
    </message>
    <message numerus="yes">
        <source>That PIN is not right. %n more wrong try(s) and the sign-in is paused.</source>
        <translation>
            <numerusform>That PIN is not right. %n more wrong try and the sign-in is paused.</numerusform>
            <numerusform>That PIN is not right. %n more wrong trys and the sign-in is paused.</numerusform>
        </translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Tap your name, then type your PIN.</source>
        <translation>Tap your name, then type your PIN.</translation>
    </message>
    <message>
        <source>Nobody chosen yet</source>
        <translation>Nobody chosen yet</translation>
    </message>
    <message>
        <source>Tap your name first</source>
        <translation>Tap your name first</translation>
    </message>
    <message>
        <source>%1: choose a new PIN</source>
        <translation>%1: choose a new PIN</translation>
    </message>
    <message>
        <source>New PIN, %1 to %2 digits</source>
        <translation>New PIN, %1 to %2 digits</translation>
    </message>
    <message>
        <source>%1: the new PIN once more</source>
        <translation>%1: the new PIN once more</translation>
    </message>
    <message>
        <source>Type the new PIN again</source>
        <translation>Type the new PIN again</translation>
    </message>
    <message>
        <source>%1, please type your PIN</source>
        <translation>%1, please type your PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>StartupScreen</name>
    <message>
        <source>Community house kiosk</source>
        <translation>Community house kiosk</translation>
    </message>
    <message>
        <source>The kiosk could not open its records.</source>
        <translation>The kiosk could not open its records.</translation>
    </message>
    <message>
        <source>Getting ready, please wait…</source>
        <translation>Getting ready, please wait…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>Officer: %1</translation>
    </message>
    <message>
        <source>Volunteer: %1</source>
        <translation>Volunteer: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent</source>
        <translation>
            <numerusform>%n record waiting to be sent</numerusform>
            <numerusform>%n records waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetCell</name>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>No residential group is known yet: download the ward&apos;s roster first.</source>
        <translation>No residential group is known yet: download the ward&apos;s roster first.</translation>
    </message>
    <message>
        <source>%1 figure(s) changed: tap Save to keep them.</source>
        <translation>%1 figure(s) changed: tap Save to keep them.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved. The targets go to the ward&apos;s server with the next sync.</source>
        <translation>Saved. The targets go to the ward&apos;s server with the next sync.</translation>
    </message>
    <message>
        <source>Daily targets</source>
        <translation>Daily targets</translation>
    </message>
    <message>
        <source>Daily targets per residential group</source>
        <translation>Daily targets per residential group</translation>
    </message>
    <message>
        <source>How many residents each group should serve. Tap − or +, or tap a figure and type it on the keypad, then Save.</source>
        <translation>How many residents each group should serve. Tap − or +, or tap a figure and type it on the keypad, then Save.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Today %1</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Tomorrow %1</translation>
    </message>
    <message>
        <source>Tap a figure to type it here</source>
        <translation>Tap a figure to type it here</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message>
        <source>TRAINING MODE — practice only: nothing recorded here is ever sent.</source>
        <translation>TRAINING MODE — practice only: nothing recorded here is ever sent.</translation>
    </message>
</context>
<context>
    <name>UsbFileChoice</name>
    <message>
        <source>Look again</source>
        <translation>Look again</translation>
    </message>
    <message>
        <source>Looking at the USB sticks…</source>
        <translation>Looking at the USB sticks…</translation>
    </message>
    <message>
        <source>Nothing found on a USB stick. Put the stick in, wait a moment, then tap Look again.</source>
        <translation>Nothing found on a USB stick. Put the stick in, wait a moment, then tap Look again.</translation>
    </message>
    <message>
        <source>Files found: %1. Tap the one to import.</source>
        <translation>Files found: %1. Tap the one to import.</translation>
    </message>
</context>
<context>
    <name>UsbFiles</name>
    <message>
        <source>Which USB stick?</source>
        <translation>Which USB stick?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VerifyScreen</name>
    <message>
        <source>You captured this one yourself: another officer must check it.</source>
        <translation>You captured this one yourself: another officer must check it.</translation>
    </message>
    <message>
        <source>Nothing is waiting for an officer.</source>
        <translation>Nothing is waiting for an officer.</translation>
    </message>
    <message>
        <source>Check with the papers: %1 waiting</source>
        <translation>Check with the papers: %1 waiting</translation>
    </message>
    <message>
        <source>Acting for them: %1</source>
        <translation>Acting for them: %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>On file</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Other person: %1</source>
        <translation>Other person: %1</translation>
    </message>
    <message>
        <source>Owner on the papers: %1</source>
        <translation>Owner on the papers: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>Papers seen: %1</source>
        <translation>Papers seen: %1</translation>
    </message>
    <message>
        <source>The record on file is not in this kiosk&apos;s copy.</source>
        <translation>The record on file is not in this kiosk&apos;s copy.</translation>
    </message>
    <message>
        <source>Seen: %1</source>
        <translation>Seen: %1</translation>
    </message>
    <message>
        <source>Papers missing or not matching</source>
        <translation>Papers missing or not matching</translation>
    </message>
    <message>
        <source>Plate or vehicle details wrong</source>
        <translation>Plate or vehicle details wrong</translation>
    </message>
    <message>
        <source>Buyer or seller details wrong</source>
        <translation>Buyer or seller details wrong</translation>
    </message>
    <message>
        <source>Ask the resident again</source>
        <translation>Ask the resident again</translation>
    </message>
    <message>
        <source>Warnings: tap each one once you have checked it</source>
        <translation>Warnings: tap each one once you have checked it</translation>
    </message>
    <message>
        <source>Why does it go back to the volunteer?</source>
        <translation>Why does it go back to the volunteer?</translation>
    </message>
    <message>
        <source>Other reason (type it)</source>
        <translation>Other reason (type it)</translation>
    </message>
    <message>
        <source>Reason, in a few words</source>
        <translation>Reason, in a few words</translation>
    </message>
    <message>
        <source>Send it back</source>
        <translation>Send it back</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>VisitFlow</name>
    <message>
        <source>The visit %1 of %2 was sent and its details were erased from this kiosk after the retention period. The ward&apos;s server keeps them.</source>
        <translation>The visit %1 of %2 was sent and its details were erased from this kiosk after the retention period. The ward&apos;s server keeps them.</translation>
    </message>
</context>
</TS>
