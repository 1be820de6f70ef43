<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>core</name>
        <message>
            <source>{detail}. Run 'tsbackup --help' to see how the command is used.</source>
            <translation>{detail}. Mit 'tsbackup --help' sehen Sie, wie der Befehl verwendet wird.</translation>
        </message>
        <message>
            <source>Something unexpected went wrong ({reason}). Nothing was changed; the details are in the log {log}.</source>
            <translation>Etwas Unerwartetes ist schiefgegangen ({reason}). Es wurde nichts verändert; die Einzelheiten stehen im Protokoll {log}.</translation>
        </message>
        <message>
            <source>The settings file {path} cannot be read ({reason}). Fix or remove it, then run the setup again.</source>
            <translation>Die Einstellungsdatei {path} kann nicht gelesen werden ({reason}). Beheben oder entfernen Sie sie und führen Sie die Einrichtung erneut aus.</translation>
        </message>
        <message>
            <source>The settings file {path} is damaged ({reason}). It was left as it is; restore it from a backup or run the setup again.</source>
            <translation>Die Einstellungsdatei {path} ist beschädigt ({reason}). Sie wurde unverändert gelassen; stellen Sie sie aus einer Sicherung wieder her oder führen Sie die Einrichtung erneut aus.</translation>
        </message>
        <message>
            <source>The settings file {path} was written by a newer version of this program. Install the newer version.</source>
            <translation>Die Einstellungsdatei {path} stammt von einer neueren Version dieses Programms. Installieren Sie die neuere Version.</translation>
        </message>
        <message>
            <source>The settings could not be saved to {path} ({reason}). Check that the folder is writable.</source>
            <translation>Die Einstellungen konnten nicht in {path} gespeichert werden ({reason}). Prüfen Sie, ob der Ordner beschreibbar ist.</translation>
        </message>
        <message>
            <source>The backup is not set up yet. Run the setup first.</source>
            <translation>Die Datensicherung ist noch nicht eingerichtet. Führen Sie zuerst die Einrichtung aus.</translation>
        </message>
        <message>
            <source>No password store is available on this computer. Install or unlock one (Windows Credential Manager, macOS Keychain, or GNOME Keyring/KWallet on Linux), then try again.</source>
            <translation>Auf diesem Computer ist kein Passwortspeicher verfügbar. Installieren oder entsperren Sie einen (Windows-Anmeldeinformationsverwaltung, macOS-Schlüsselbund oder GNOME Keyring/KWallet unter Linux) und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The password store refused access ({reason}). Unlock it and try again.</source>
            <translation>Der Passwortspeicher hat den Zugriff verweigert ({reason}). Entsperren Sie ihn und versuchen Sie es erneut.</translation>
        </message>
    </context>
</TS>
