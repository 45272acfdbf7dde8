<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <source>That value is not accepted. Please check it and try again.</source>
        <translation>That value is not accepted. Please check it and try again.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Please wait %1, then try again.</source>
        <translation>Too many wrong PINs. Please wait %1, then try again.</translation>
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
        <source>For officers</source>
        <translation>For officers</translation>
    </message>
    <message>
        <source>Volunteers and officers</source>
        <translation>Volunteers and officers</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
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
    <name>MainWindow</name>
    <message>
        <source>The screen was locked because nobody used it for a while.</source>
        <translation>The screen was locked because nobody used it for a while.</translation>
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
    <name>SettingsScreen</name>
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
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Station %1, enrolled with the ward&apos;s server.</source>
        <translation>Station %1, enrolled with the ward&apos;s server.</translation>
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
</context>
<context>
    <name>SetupScreen</name>
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
        <source>This kiosk starts as an offline demo station: records are kept safely on this computer and are not sent anywhere.</source>
        <translation>This kiosk starts as an offline demo station: records are kept safely on this computer and are not sent anywhere.</translation>
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
    <message numerus="yes">
        <source>%n record(s) waiting to be sent</source>
        <translation>
            <numerusform>%n record waiting to be sent</numerusform>
            <numerusform>%n records waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message>
        <source>TRAINING MODE — practice only: nothing recorded here is ever sent.</source>
        <translation>TRAINING MODE — practice only: nothing recorded here is ever sent.</translation>
    </message>
</context>
</TS>
