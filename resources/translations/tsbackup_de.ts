<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>ActionBar</name>
        <message>
            <source>&amp;More</source>
            <translation>&amp;Mehr</translation>
        </message>
        <message>
            <source>More actions</source>
            <translation>Weitere Aktionen</translation>
        </message>
    </context>
    <context>
        <name>AppShell</name>
        <message>
            <source>A backup is running. Stop it and quit?</source>
            <translation>Eine Sicherung läuft. Anhalten und beenden?</translation>
        </message>
    </context>
    <context>
        <name>CloudForm</name>
        <message>
            <source>Storage provider</source>
            <translation>Speicheranbieter</translation>
        </message>
        <message>
            <source>Other provider (enter the address)</source>
            <translation>Anderer Anbieter (Adresse eingeben)</translation>
        </message>
        <message>
            <source>Address of the storage (endpoint)</source>
            <translation>Adresse des Speichers (Endpunkt)</translation>
        </message>
        <message>
            <source>Bucket</source>
            <translation>Bucket</translation>
        </message>
        <message>
            <source>Folder in the bucket (optional)</source>
            <translation>Ordner im Bucket (optional)</translation>
        </message>
        <message>
            <source>Access key ID</source>
            <translation>Zugriffsschlüssel-ID</translation>
        </message>
        <message>
            <source>Secret access key</source>
            <translation>Geheimer Zugriffsschlüssel</translation>
        </message>
        <message>
            <source>&amp;Provider:</source>
            <translation>An&amp;bieter:</translation>
        </message>
        <message>
            <source>A&amp;ddress:</source>
            <translation>A&amp;dresse:</translation>
        </message>
        <message>
            <source>B&amp;ucket:</source>
            <translation>B&amp;ucket:</translation>
        </message>
        <message>
            <source>Fo&amp;lder:</source>
            <translation>&amp;Ordner:</translation>
        </message>
        <message>
            <source>Access &amp;key ID:</source>
            <translation>Zugriffs&amp;schlüssel-ID:</translation>
        </message>
        <message>
            <source>&amp;Secret key:</source>
            <translation>&amp;Geheimer Schlüssel:</translation>
        </message>
        <message>
            <source>About this provider</source>
            <translation>Zu diesem Anbieter</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsDialog</name>
        <message>
            <source>Diagnostics for your IT partner</source>
            <translation>Diagnose für Ihren IT-Partner</translation>
        </message>
        <message>
            <source>What the diagnostics file holds</source>
            <translation>Was die Diagnosedatei enthält</translation>
        </message>
        <message>
            <source>When something does not work, your IT partner needs a few facts. This saves them in one zip file: the backup settings (without any password), the recent log, the record of past backups and the program versions. Send the file to your IT partner by e-mail.</source>
            <translation>Wenn etwas nicht funktioniert, braucht Ihr IT-Partner einige Angaben. Diese werden hier in einer ZIP-Datei gespeichert: die Sicherungseinstellungen (ohne Passwörter), das aktuelle Protokoll, die bisherigen Sicherungen und die Programmversionen. Senden Sie die Datei per E-Mail an Ihren IT-Partner.</translation>
        </message>
        <message>
            <source>&amp;Save diagnostics file…</source>
            <translation>Diagnosedatei &amp;speichern…</translation>
        </message>
        <message>
            <source>Save the diagnostics file</source>
            <translation>Die Diagnosedatei speichern</translation>
        </message>
        <message>
            <source>Where the file was saved</source>
            <translation>Wo die Datei gespeichert wurde</translation>
        </message>
        <message>
            <source>Zip files (*.zip)</source>
            <translation>ZIP-Dateien (*.zip)</translation>
        </message>
    </context>
    <context>
        <name>DrillReport</name>
        <message>
            <source>Restore drill report</source>
            <extracomment>Files listed one by one; a bigger installation gets the count and the first ones.</extracomment>
            <translation>Bericht über die Wiederherstellungsprobe</translation>
        </message>
        <message>
            <source>{computer}, {date}</source>
            <translation>{computer}, {date}</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Passed: every restored file matches the manifest of the backup.</source>
            <translation>Bestanden: Jede wiederhergestellte Datei stimmt mit dem Manifest der Sicherung überein.</translation>
        </message>
        <message>
            <source>Failed: {count} restored items do not match the manifest of the backup.</source>
            <translation>Fehlgeschlagen: {count} wiederhergestellte Einträge stimmen nicht mit dem Manifest der Sicherung überein.</translation>
        </message>
        <message>
            <source>What was restored</source>
            <translation>Was wiederhergestellt wurde</translation>
        </message>
        <message>
            <source>Off-site repository</source>
            <translation>Sicherungsablage ausser Haus</translation>
        </message>
        <message>
            <source>Snapshot</source>
            <translation>Snapshot</translation>
        </message>
        <message>
            <source>Snapshot taken</source>
            <translation>Snapshot erstellt</translation>
        </message>
        <message>
            <source>Backup generation</source>
            <translation>Sicherungsgeneration</translation>
        </message>
        <message>
            <source>Backup finished</source>
            <translation>Sicherung abgeschlossen</translation>
        </message>
        <message>
            <source>State of the backed-up data</source>
            <translation>Zustand der gesicherten Daten</translation>
        </message>
        <message>
            <source>The drill</source>
            <translation>Die Wiederherstellungsprobe</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Begonnen</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Beendet</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Computer</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>Programm</translation>
        </message>
        <message>
            <source>Restored into</source>
            <translation>Wiederhergestellt nach</translation>
        </message>
        <message>
            <source>{path} (a scratch folder, removed after the drill)</source>
            <translation>{path} (ein Arbeitsordner, nach der Wiederherstellungsprobe gelöscht)</translation>
        </message>
        <message>
            <source>Duration of restore and comparison</source>
            <translation>Dauer von Wiederherstellung und Vergleich</translation>
        </message>
        <message>
            <source>{seconds} seconds</source>
            <translation>{seconds} Sekunden</translation>
        </message>
        <message>
            <source>Throughput</source>
            <translation>Durchsatz</translation>
        </message>
        <message>
            <source>{size} per second</source>
            <translation>{size} pro Sekunde</translation>
        </message>
        <message>
            <source>Comparison with the manifest</source>
            <translation>Vergleich mit dem Manifest</translation>
        </message>
        <message>
            <source>Files compared</source>
            <translation>Verglichene Dateien</translation>
        </message>
        <message>
            <source>Data compared</source>
            <translation>Verglichene Datenmenge</translation>
        </message>
        <message>
            <source>Folders and links checked</source>
            <translation>Geprüfte Ordner und Verknüpfungen</translation>
        </message>
        <message>
            <source>Items that do not match</source>
            <translation>Abweichende Einträge</translation>
        </message>
        <message>
            <source>Items that do not match the manifest</source>
            <translation>Einträge, die nicht mit dem Manifest übereinstimmen</translation>
        </message>
        <message>
            <source>Files compared, with their size</source>
            <translation>Verglichene Dateien mit ihrer Grösse</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Grösse</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>… and {count} more files.</source>
            <translation>… und {count} weitere Dateien.</translation>
        </message>
        <message>
            <source>Method: the newest off-site snapshot of this computer was restored with restic into an empty folder. Every restored file was read and its SHA-256 hash compared with the manifest that travelled inside the snapshot; those hashes were taken when the backup read the original data. The duration covers the restore and the comparison together.</source>
            <translation>Vorgehen: Der neueste Snapshot ausser Haus dieses Computers wurde mit restic in einen leeren Ordner wiederhergestellt. Jede wiederhergestellte Datei wurde gelesen und ihr SHA-256-Hashwert mit dem Manifest verglichen, das im Snapshot mitgesichert wurde; diese Hashwerte wurden beim Lesen der Originaldaten durch die Sicherung ermittelt. Die Dauer umfasst Wiederherstellung und Vergleich zusammen.</translation>
        </message>
        <message>
            <source>Checked by (name, date, signature)</source>
            <translation>Geprüft von (Name, Datum, Unterschrift)</translation>
        </message>
    </context>
    <context>
        <name>DrivePage</name>
        <message>
            <source>Backup drive</source>
            <translation>Sicherungslaufwerk</translation>
        </message>
        <message>
            <source>Where should the daily backup go? Best is an external drive or a network drive (NAS) that is not this computer's own disk.</source>
            <translation>Wohin soll die tägliche Sicherung gehen? Am besten auf ein externes Laufwerk oder ein Netzlaufwerk (NAS), nicht auf die eigene Festplatte dieses Computers.</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>Laufwerk</translation>
        </message>
        <message>
            <source>Free</source>
            <translation>Frei</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Grösse</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>File system</source>
            <translation>Dateisystem</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Beurteilung</translation>
        </message>
        <message>
            <source>Drives and network shares</source>
            <translation>Laufwerke und Netzfreigaben</translation>
        </message>
        <message>
            <source>C&amp;hoose folder…</source>
            <translation>&amp;Ordner wählen …</translation>
        </message>
        <message>
            <source>Choose a folder for the backups</source>
            <translation>Einen Ordner für die Sicherungen wählen</translation>
        </message>
        <message>
            <source>&amp;Look again</source>
            <translation>Erneut &amp;suchen</translation>
        </message>
        <message>
            <source>Look for drives again</source>
            <translation>Erneut nach Laufwerken suchen</translation>
        </message>
        <message>
            <source>Looking for drives …</source>
            <translation>Laufwerke werden gesucht …</translation>
        </message>
        <message>
            <source>Looking for drives</source>
            <translation>Laufwerke werden gesucht</translation>
        </message>
        <message>
            <source>About the chosen drive</source>
            <translation>Zum gewählten Laufwerk</translation>
        </message>
        <message>
            <source>Use this disk an&amp;yway: I understand the risk</source>
            <translation>Diese Festplatte &amp;trotzdem verwenden: Mir ist das Risiko bewusst</translation>
        </message>
        <message>
            <source>Use the data's own disk anyway</source>
            <translation>Die Festplatte der Daten trotzdem verwenden</translation>
        </message>
        <message>
            <source>Name of this computer on the backup drive</source>
            <translation>Name dieses Computers auf dem Sicherungslaufwerk</translation>
        </message>
        <message>
            <source>Name of this &amp;computer:</source>
            <translation>&amp;Name dieses Computers:</translation>
        </message>
        <message>
            <source>{0}: unchanged files take no extra space</source>
            <translation>{0}: Unveränderte Dateien belegen keinen zusätzlichen Platz</translation>
        </message>
        <message>
            <source>Where the backups go</source>
            <translation>Wohin die Sicherungen gehen</translation>
        </message>
        <message>
            <source>Backups go to:</source>
            <translation>Sicherungen in:</translation>
        </message>
        <message>
            <source>Space estimate</source>
            <translation>Platzschätzung</translation>
        </message>
        <message>
            <source>Space:</source>
            <translation>Platz:</translation>
        </message>
        <message>
            <source>&amp;Take over this backup folder (its backups are kept)</source>
            <translation>Diesen Sicherungsordner ü&amp;bernehmen (seine Sicherungen bleiben erhalten)</translation>
        </message>
        <message>
            <source>Take over the backup folder of an earlier setup</source>
            <translation>Den Sicherungsordner einer früheren Einrichtung übernehmen</translation>
        </message>
        <message>
            <source>Check of the backup folder</source>
            <translation>Prüfung des Sicherungsordners</translation>
        </message>
        <message>
            <source>The name stays as the first setup made it. To change it, use: tsbackup rename-computer NEW</source>
            <translation>Der Name bleibt, wie ihn die erste Einrichtung festgelegt hat. Ändern lässt er sich mit: tsbackup rename-computer NEU</translation>
        </message>
        <message>
            <source>Chosen folder</source>
            <translation>Gewählter Ordner</translation>
        </message>
        <message>
            <source>System disk ({0})</source>
            <translation>Systemfestplatte ({0})</translation>
        </message>
        <message>
            <source>network share</source>
            <translation>Netzfreigabe</translation>
        </message>
        <message>
            <source>external drive</source>
            <translation>externes Laufwerk</translation>
        </message>
        <message>
            <source>internal disk</source>
            <translation>interne Festplatte</translation>
        </message>
        <message>
            <source>{0}, full copies</source>
            <translation>{0}, volle Kopien</translation>
        </message>
        <message>
            <source>{0}, likely full copies</source>
            <translation>{0}, wohl volle Kopien</translation>
        </message>
        <message>
            <source>recommended</source>
            <translation>empfohlen</translation>
        </message>
        <message>
            <source>possible</source>
            <translation>möglich</translation>
        </message>
        <message>
            <source>too small</source>
            <translation>zu klein</translation>
        </message>
        <message>
            <source>not suitable (data disk)</source>
            <translation>ungeeignet (Datenfestplatte)</translation>
        </message>
        <message>
            <source>Choose the folder for the backups</source>
            <translation>Den Ordner für die Sicherungen wählen</translation>
        </message>
        <message>
            <source>The size of the data is not known yet.</source>
            <translation>Die Grösse der Daten ist noch nicht bekannt.</translation>
        </message>
        <message>
            <source>Checking the backup folder …</source>
            <translation>Der Sicherungsordner wird geprüft …</translation>
        </message>
        <message>
            <source>This folder already holds backups of another setup of this computer. Tick the box to take it over (its backups are kept), or choose another folder.</source>
            <translation>Dieser Ordner enthält bereits Sicherungen einer anderen Einrichtung dieses Computers. Kreuzen Sie das Feld an, um ihn zu übernehmen (seine Sicherungen bleiben erhalten), oder wählen Sie einen anderen Ordner.</translation>
        </message>
    </context>
    <context>
        <name>DrivesDialog</name>
        <message>
            <source>Remove backup drive</source>
            <translation>Sicherungslaufwerk entfernen</translation>
        </message>
        <message>
            <source>Backup drives</source>
            <translation>Sicherungslaufwerke</translation>
        </message>
        <message>
            <source>What rotation is</source>
            <translation>Was das Wechseln der Laufwerke bedeutet</translation>
        </message>
        <message>
            <source>With two backup drives, one can stay at the office and one be taken home. Each backup goes to whichever drive is connected; swap them at least every two weeks.</source>
            <translation>Mit zwei Sicherungslaufwerken kann eines im Büro bleiben und eines mit nach Hause genommen werden. Jede Sicherung geht auf das Laufwerk, das gerade angeschlossen ist; tauschen Sie die Laufwerke mindestens alle zwei Wochen.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Ort</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Angeschlossen</translation>
        </message>
        <message>
            <source>Last used</source>
            <translation>Zuletzt verwendet</translation>
        </message>
        <message>
            <source>Backup drives of this setup</source>
            <translation>Sicherungslaufwerke dieser Einrichtung</translation>
        </message>
        <message>
            <source>&amp;Remove selected drive</source>
            <translation>Ausgewähltes Laufwerk &amp;entfernen</translation>
        </message>
        <message>
            <source>Remove the selected backup drive</source>
            <translation>Das ausgewählte Sicherungslaufwerk entfernen</translation>
        </message>
        <message>
            <source>Add a backup drive</source>
            <translation>Sicherungslaufwerk hinzufügen</translation>
        </message>
        <message>
            <source>Folder on the new drive</source>
            <translation>Ordner auf dem neuen Laufwerk</translation>
        </message>
        <message>
            <source>Choose &amp;folder…</source>
            <translation>&amp;Ordner wählen…</translation>
        </message>
        <message>
            <source>Choose the folder on the new drive</source>
            <translation>Den Ordner auf dem neuen Laufwerk wählen</translation>
        </message>
        <message>
            <source>F&amp;older:</source>
            <translation>O&amp;rdner:</translation>
        </message>
        <message>
            <source>for example: Drive B (at home)</source>
            <translation>zum Beispiel: Laufwerk B (zu Hause)</translation>
        </message>
        <message>
            <source>Name of the new drive</source>
            <translation>Name des neuen Laufwerks</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Add drive</source>
            <translation>Laufwerk &amp;hinzufügen</translation>
        </message>
        <message>
            <source>Add the backup drive</source>
            <translation>Das Sicherungslaufwerk hinzufügen</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Choose a folder on the other backup drive</source>
            <translation>Wählen Sie einen Ordner auf dem anderen Sicherungslaufwerk</translation>
        </message>
        <message>
            <source>Remove the backup drive {0} from this setup? The backups on it are kept; backups just no longer go to it.</source>
            <translation>Das Sicherungslaufwerk {0} aus dieser Einrichtung entfernen? Die Sicherungen darauf bleiben erhalten; es werden nur keine neuen Sicherungen mehr darauf geschrieben.</translation>
        </message>
        <message>
            <source>The main backup drive is changed in the setup, not here.</source>
            <translation>Das Haupt-Sicherungslaufwerk wird in der Einrichtung geändert, nicht hier.</translation>
        </message>
    </context>
    <context>
        <name>Followups</name>
        <message>
            <source>&amp;Print recovery sheet…</source>
            <translation>Wiederherstellungsblatt &amp;drucken…</translation>
        </message>
        <message>
            <source>Print recovery sheet</source>
            <translation>Wiederherstellungsblatt drucken</translation>
        </message>
        <message>
            <source>I have s&amp;tored it</source>
            <translation>&amp;Ich habe es sicher aufbewahrt</translation>
        </message>
        <message>
            <source>I have stored the recovery sheet in a safe place</source>
            <translation>Ich habe das Wiederherstellungsblatt an einem sicheren Ort aufbewahrt</translation>
        </message>
        <message>
            <source>Recovery sheet</source>
            <translation>Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>Is the printed recovery sheet stored in a safe place, away from this computer and the backup drive? Yes records it, and the status stops reminding you.</source>
            <translation>Ist das ausgedruckte Wiederherstellungsblatt an einem sicheren Ort aufbewahrt, weg von diesem Computer und vom Sicherungslaufwerk? Ja hält das fest, und der Status erinnert Sie nicht mehr daran.</translation>
        </message>
        <message>
            <source>Have you checked these yourself?</source>
            <translation>Haben Sie diese Punkte selbst geprüft?</translation>
        </message>
        <message>
            <source>Yes confirms them and records the monthly check as done.</source>
            <translation>Ja bestätigt sie und hält die monatliche Prüfung als erledigt fest.</translation>
        </message>
        <message>
            <source>Monthly check</source>
            <translation>Monatliche Prüfung</translation>
        </message>
        <message>
            <source>Recording your confirmation …</source>
            <translation>Ihre Bestätigung wird festgehalten …</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schliessen</translation>
        </message>
        <message>
            <source>A backup is running. Stop it and close?</source>
            <translation>Eine Sicherung läuft. Anhalten und schliessen?</translation>
        </message>
    </context>
    <context>
        <name>ForgetDialog</name>
        <message>
            <source>Forget this setup</source>
            <translation>Diese Einrichtung vergessen</translation>
        </message>
        <message>
            <source>This computer stops making backups and forgets how it made them.</source>
            <translation>Dieser Computer macht keine Sicherungen mehr und vergisst, wie er sie gemacht hat.</translation>
        </message>
        <message>
            <source>Removed: the backup settings, the stored passwords and the scheduled task.</source>
            <translation>Entfernt werden: die Sicherungseinstellungen, die gespeicherten Passwörter und die geplante Aufgabe.</translation>
        </message>
        <message>
            <source>Kept: every backup, on the backup drive and off-site, and the record of past backups.</source>
            <translation>Erhalten bleiben: alle Sicherungen auf dem Sicherungslaufwerk und in der Kopie ausser Haus, sowie die Aufzeichnung der bisherigen Sicherungen.</translation>
        </message>
        <message>
            <source>The backups stay here:</source>
            <translation>Die Sicherungen bleiben hier:</translation>
        </message>
        <message>
            <source>To open the off-site backups later you need the recovery sheet; the password is no longer stored on this computer.</source>
            <translation>Um die Kopien ausser Haus später zu öffnen, brauchen Sie das Wiederherstellungsblatt; das Passwort ist dann nicht mehr auf diesem Computer gespeichert.</translation>
        </message>
        <message>
            <source>What forgetting removes and keeps</source>
            <translation>Was beim Vergessen entfernt wird und was bleibt</translation>
        </message>
        <message>
            <source>I have the off-site password elsewhere (a printed recovery sheet or a password manager)</source>
            <translation>Ich habe das Passwort der Kopie ausser Haus anderswo (ein ausgedrucktes Wiederherstellungsblatt oder ein Passwort-Manager)</translation>
        </message>
        <message>
            <source>I have the off-site password elsewhere</source>
            <translation>Ich habe das Passwort der Kopie ausser Haus anderswo</translation>
        </message>
        <message>
            <source>&amp;Forget this setup</source>
            <translation>Diese Einrichtung &amp;vergessen</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schliessen</translation>
        </message>
    </context>
    <context>
        <name>FourdPanel</name>
        <message>
            <source>4D's own backup</source>
            <translation>Eigene Sicherung von 4D</translation>
        </message>
        <message>
            <source>Newest 4D archive</source>
            <translation>Neuestes 4D-Archiv</translation>
        </message>
        <message>
            <source>Age of the newest 4D archive</source>
            <translation>Alter des neuesten 4D-Archivs</translation>
        </message>
        <message>
            <source>Verdict on 4D's backup</source>
            <translation>Bewertung der 4D-Sicherung</translation>
        </message>
        <message>
            <source>Newest archive:</source>
            <translation>Neuestes Archiv:</translation>
        </message>
        <message>
            <source>Age:</source>
            <translation>Alter:</translation>
        </message>
        <message>
            <source>Verdict:</source>
            <translation>Bewertung:</translation>
        </message>
        <message>
            <source>no 4D archive found</source>
            <translation>kein 4D-Archiv gefunden</translation>
        </message>
        <message>
            <source>{0} hours</source>
            <translation>{0} Stunden</translation>
        </message>
        <message>
            <source>fresh and complete</source>
            <translation>aktuell und vollständig</translation>
        </message>
        <message>
            <source>too old or incomplete</source>
            <translation>zu alt oder unvollständig</translation>
        </message>
    </context>
    <context>
        <name>HistoryTable</name>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Grund</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Grösse</translation>
        </message>
        <message>
            <source>History of every backup attempt</source>
            <translation>Verlauf aller Sicherungsversuche</translation>
        </message>
    </context>
    <context>
        <name>Housekeeping</name>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <source>&amp;Pause backups…</source>
            <translation>Sicherungen &amp;pausieren…</translation>
        </message>
        <message>
            <source>Backup &amp;drives…</source>
            <translation>Sicherungs&amp;laufwerke…</translation>
        </message>
        <message>
            <source>Print &amp;recovery sheet…</source>
            <translation>Wiederherstellungs&amp;blatt drucken…</translation>
        </message>
        <message>
            <source>Save d&amp;iagnostics for your IT partner…</source>
            <translation>&amp;Diagnose für Ihren IT-Partner speichern…</translation>
        </message>
        <message>
            <source>Change off-site pass&amp;word…</source>
            <translation>Pass&amp;wort der Kopie ausser Haus ändern…</translation>
        </message>
        <message>
            <source>&amp;Forget this setup…</source>
            <translation>Diese Einrichtung &amp;vergessen…</translation>
        </message>
    </context>
    <context>
        <name>HousekeepingDialog</name>
        <message>
            <source>Close</source>
            <extracomment>`choose_folder(parent, title, start) -&gt; path or None` (QFileDialog.getExistingDirectory's shape) `choose_save_file(parent, title, start, filters) -&gt; path or None`</extracomment>
            <translation>Schliessen</translation>
        </message>
        <message>
            <source>This stopped because of an unexpected error ({0}).</source>
            <translation>Der Vorgang wurde wegen eines unerwarteten Fehlers abgebrochen ({0}).</translation>
        </message>
    </context>
    <context>
        <name>InstallationPage</name>
        <message>
            <source>Your installation</source>
            <translation>Ihre Installation</translation>
        </message>
        <message>
            <source>Where timeSensor LEGAL keeps its data, and what kind of installation this is.</source>
            <translation>Wo timeSensor LEGAL seine Daten ablegt und welche Art von Installation dies ist.</translation>
        </message>
        <message>
            <source>Searching</source>
            <translation>Suche läuft</translation>
        </message>
        <message>
            <source>Looking for timeSensor LEGAL …</source>
            <translation>timeSensor LEGAL wird gesucht …</translation>
        </message>
        <message>
            <source>What was found</source>
            <translation>Was gefunden wurde</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Datenordner</translation>
        </message>
        <message>
            <source>Size of the data</source>
            <translation>Grösse der Daten</translation>
        </message>
        <message>
            <source>4D's own backup</source>
            <translation>Eigene Sicherung von 4D</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Datenordner:</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Grösse:</translation>
        </message>
        <message>
            <source>What to do</source>
            <translation>Was zu tun ist</translation>
        </message>
        <message>
            <source>Notes on the installation</source>
            <translation>Hinweise zur Installation</translation>
        </message>
        <message>
            <source>Kind of installation</source>
            <translation>Art der Installation</translation>
        </message>
        <message>
            <source>&amp;One computer: the backup waits until timeSensor LEGAL is closed</source>
            <translation>&amp;Ein Computer: Die Sicherung wartet, bis timeSensor LEGAL geschlossen ist</translation>
        </message>
        <message>
            <source>One computer (single-user)</source>
            <translation>Ein Computer (Einzelplatz)</translation>
        </message>
        <message>
            <source>Se&amp;rver: 4D Server keeps running; its own backups are copied</source>
            <translation>Se&amp;rver: 4D Server läuft weiter; seine eigenen Sicherungen werden kopiert</translation>
        </message>
        <message>
            <source>Server (several users)</source>
            <translation>Server (mehrere Benutzer)</translation>
        </message>
        <message>
            <source>C&amp;hoose another folder…</source>
            <translation>&amp;Anderen Ordner wählen …</translation>
        </message>
        <message>
            <source>Choose another data folder</source>
            <translation>Einen anderen Datenordner wählen</translation>
        </message>
        <message>
            <source>Check of the chosen folder</source>
            <translation>Prüfung des gewählten Ordners</translation>
        </message>
        <message>
            <source>The search stopped because of an unexpected error ({0}).</source>
            <translation>Die Suche wurde wegen eines unerwarteten Fehlers abgebrochen ({0}).</translation>
        </message>
        <message>
            <source>Choose the folder 'timeSensor DataFiles'</source>
            <translation>Den Ordner «timeSensor DataFiles» wählen</translation>
        </message>
        <message>
            <source>Checking the folder …</source>
            <translation>Der Ordner wird geprüft …</translation>
        </message>
        <message>
            <source>The folder can be backed up.</source>
            <translation>Der Ordner kann gesichert werden.</translation>
        </message>
    </context>
    <context>
        <name>OffsitePage</name>
        <message>
            <source>Off-site copy</source>
            <translation>Kopie ausser Haus</translation>
        </message>
        <message>
            <source>A second copy away from the office protects the data against fire, theft and ransomware.</source>
            <translation>Eine zweite Kopie ausserhalb des Büros schützt die Daten vor Feuer, Diebstahl und Erpressersoftware.</translation>
        </message>
        <message>
            <source>&amp;Cloud storage (S3-compatible, for example a Swiss provider)</source>
            <translation>&amp;Cloud-Speicher (S3-kompatibel, zum Beispiel ein Schweizer Anbieter)</translation>
        </message>
        <message>
            <source>Cloud storage</source>
            <translation>Cloud-Speicher</translation>
        </message>
        <message>
            <source>Your &amp;IT partner's computer</source>
            <translation>Computer Ihres &amp;IT-Partners</translation>
        </message>
        <message>
            <source>The IT partner's computer</source>
            <translation>Der Computer des IT-Partners</translation>
        </message>
        <message>
            <source>Handled &amp;outside this program (NAS-to-NAS copy or a provider's agent)</source>
            <translation>&amp;Ausserhalb dieses Programms (NAS-zu-NAS-Kopie oder Agent eines Anbieters)</translation>
        </message>
        <message>
            <source>Handled outside this program</source>
            <translation>Ausserhalb dieses Programms</translation>
        </message>
        <message>
            <source>Not now (the status will re&amp;mind you)</source>
            <translation>&amp;Nicht jetzt (der Status erinnert Sie daran)</translation>
        </message>
        <message>
            <source>No off-site copy for now</source>
            <translation>Vorerst keine Kopie ausser Haus</translation>
        </message>
        <message>
            <source>How the off-site copy is made</source>
            <translation>Wie die Kopie ausser Haus gemacht wird</translation>
        </message>
        <message>
            <source>for example: NAS copy to the partner's office every night</source>
            <translation>zum Beispiel: nächtliche NAS-Kopie ins Büro des Partners</translation>
        </message>
        <message>
            <source>&amp;How:</source>
            <translation>Wi&amp;e:</translation>
        </message>
        <message>
            <source>About no off-site copy</source>
            <translation>Zu keiner Kopie ausser Haus</translation>
        </message>
        <message>
            <source>Password of the off-site backup</source>
            <translation>Passwort der Kopie ausser Haus</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <source>About the password</source>
            <translation>Zum Passwort</translation>
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation>Verbindung &amp;testen</translation>
        </message>
        <message>
            <source>Test the connection</source>
            <translation>Die Verbindung testen</translation>
        </message>
        <message>
            <source>Result of the connection test</source>
            <translation>Ergebnis des Verbindungstests</translation>
        </message>
        <message>
            <source>About encryption</source>
            <translation>Zur Verschlüsselung</translation>
        </message>
        <message>
            <source>The copy is encrypted on this computer before it leaves: without the password, which only the recovery sheet shows, nobody can read it — not even the storage provider.</source>
            <translation>Die Kopie wird auf diesem Computer verschlüsselt, bevor sie ihn verlässt: Ohne das Passwort, das nur das Wiederherstellungsblatt zeigt, kann niemand sie lesen – auch der Speicheranbieter nicht.</translation>
        </message>
        <message>
            <source>&amp;Keep the current off-site backup</source>
            <translation>Die bisherige Kopie ausser Haus &amp;behalten</translation>
        </message>
        <message>
            <source>Keep the current off-site backup</source>
            <translation>Die bisherige Kopie ausser Haus behalten</translation>
        </message>
        <message>
            <source>The off-site backup stays as it is: {0}</source>
            <translation>Die Kopie ausser Haus bleibt, wie sie ist: {0}</translation>
        </message>
        <message>
            <source>Without an off-site copy, a fire or a theft can take the data and the backup drive together. The status keeps reminding you until one is set up.</source>
            <translation>Ohne Kopie ausser Haus können ein Feuer oder ein Diebstahl die Daten und das Sicherungslaufwerk zusammen vernichten. Der Status erinnert Sie daran, bis eine eingerichtet ist.</translation>
        </message>
        <message>
            <source>Leave it empty for a new off-site backup: a strong password is made and printed on the recovery sheet. For an existing one, type its password from the recovery sheet.</source>
            <translation>Für eine neue Kopie ausser Haus leer lassen: Ein starkes Passwort wird erzeugt und auf das Wiederherstellungsblatt gedruckt. Für eine bestehende geben Sie ihr Passwort vom Wiederherstellungsblatt ein.</translation>
        </message>
        <message>
            <source>Creating the key …</source>
            <translation>Der Schlüssel wird erstellt …</translation>
        </message>
        <message>
            <source>The key is ready. Send the public key below to your IT partner.</source>
            <translation>Der Schlüssel ist bereit. Senden Sie den öffentlichen Schlüssel unten an Ihren IT-Partner.</translation>
        </message>
        <message>
            <source>Choose the network folder for the off-site backup</source>
            <translation>Den Netzwerkordner für die Kopie ausser Haus wählen</translation>
        </message>
        <message>
            <source>Use a subfolder?</source>
            <translation>Einen Unterordner verwenden?</translation>
        </message>
        <message>
            <source>The connection test is not available in this version.</source>
            <translation>Der Verbindungstest ist in dieser Version nicht verfügbar.</translation>
        </message>
        <message>
            <source>Testing the connection …</source>
            <translation>Die Verbindung wird getestet …</translation>
        </message>
        <message>
            <source>Server key fingerprint: {0}</source>
            <translation>Fingerabdruck des Serverschlüssels: {0}</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Nicht jetzt</translation>
        </message>
        <message>
            <source>If your IT partner has not yet allowed this computer's key, choose "{0}" and set up the off-site copy later with "Settings…" (in the backup icon's menu, or under "More" in the status window).</source>
            <translation>Falls Ihr IT-Partner den Schlüssel dieses Computers noch nicht freigegeben hat, wählen Sie «{0}» und richten Sie die Kopie ausser Haus später mit «Einstellungen…» ein (im Menü des Sicherungssymbols oder unter «Mehr» im Statusfenster).</translation>
        </message>
        <message>
            <source>If it cannot be reached yet, choose "{0}" and set up the off-site copy later with "Settings…" (in the backup icon's menu, or under "More" in the status window).</source>
            <translation>Falls das Ziel noch nicht erreichbar ist, wählen Sie «{0}» und richten Sie die Kopie ausser Haus später mit «Einstellungen…» ein (im Menü des Sicherungssymbols oder unter «Mehr» im Statusfenster).</translation>
        </message>
        <message>
            <source>Create a new off-site backup?</source>
            <translation>Eine neue Kopie ausser Haus anlegen?</translation>
        </message>
        <message>
            <source>Nothing was created. Check the address, or choose another place for the off-site backup.</source>
            <translation>Es wurde nichts angelegt. Prüfen Sie die Adresse, oder wählen Sie einen anderen Ort für die Kopie ausser Haus.</translation>
        </message>
        <message>
            <source>The test stopped because of an unexpected error ({0}).</source>
            <translation>Der Test wurde wegen eines unerwarteten Fehlers abgebrochen ({0}).</translation>
        </message>
    </context>
    <context>
        <name>PartnerForm</name>
        <message>
            <source>Over a secure connection (S&amp;FTP) to the partner's server</source>
            <translation>Über eine sichere Verbindung (S&amp;FTP) zum Server des Partners</translation>
        </message>
        <message>
            <source>Over SFTP</source>
            <translation>Über SFTP</translation>
        </message>
        <message>
            <source>Into a network folder</source>
            <translation>In einen Netzwerkordner</translation>
        </message>
        <message>
            <source>Server name or address</source>
            <translation>Servername oder -adresse</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>User name on the server</source>
            <translation>Benutzername auf dem Server</translation>
        </message>
        <message>
            <source>Folder on the server</source>
            <translation>Ordner auf dem Server</translation>
        </message>
        <message>
            <source>Se&amp;rver:</source>
            <translation>Ser&amp;ver:</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>&amp;Benutzer:</translation>
        </message>
        <message>
            <source>Into a network fo&amp;lder</source>
            <translation>In einen Netzwerk&amp;ordner</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>Po&amp;rt:</translation>
        </message>
        <message>
            <source>Create &amp;key</source>
            <translation>&amp;Schlüssel erstellen</translation>
        </message>
        <message>
            <source>Create a key for this computer</source>
            <translation>Einen Schlüssel für diesen Computer erstellen</translation>
        </message>
        <message>
            <source>Cop&amp;y key</source>
            <translation>Schlüssel &amp;kopieren</translation>
        </message>
        <message>
            <source>Copy the public key</source>
            <translation>Den öffentlichen Schlüssel kopieren</translation>
        </message>
        <message>
            <source>Send this public key to your IT partner; the server lets in only this computer's key. It is not secret.</source>
            <translation>Senden Sie diesen öffentlichen Schlüssel an Ihren IT-Partner; der Server lässt nur den Schlüssel dieses Computers zu. Er ist nicht geheim.</translation>
        </message>
        <message>
            <source>About the key</source>
            <translation>Zum Schlüssel</translation>
        </message>
        <message>
            <source>Public key for the IT partner</source>
            <translation>Öffentlicher Schlüssel für den IT-Partner</translation>
        </message>
        <message>
            <source>Network folder for the off-site backup</source>
            <translation>Netzwerkordner für die Kopie ausser Haus</translation>
        </message>
        <message>
            <source>for example \\nas\backup\kanzlei or /Volumes/backup/kanzlei</source>
            <translation>zum Beispiel \\nas\backup\kanzlei oder /Volumes/backup/kanzlei</translation>
        </message>
        <message>
            <source>C&amp;hoose a folder…</source>
            <translation>Ordner wä&amp;hlen …</translation>
        </message>
        <message>
            <source>Fol&amp;der:</source>
            <translation>Or&amp;dner:</translation>
        </message>
        <message>
            <source>Choose the network folder</source>
            <translation>Den Netzwerkordner wählen</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>Change the off-site password</source>
            <translation>Passwort der Kopie ausser Haus ändern</translation>
        </message>
        <message>
            <source>What changing the password does</source>
            <translation>Was das Ändern des Passworts bewirkt</translation>
        </message>
        <message>
            <source>The off-site backups are locked with a password. After the change only the new password opens them, old backups included, so the old recovery sheet no longer works: print the new one afterwards.</source>
            <translation>Die Kopien ausser Haus sind mit einem Passwort geschützt. Nach der Änderung öffnet sie nur noch das neue Passwort, auch die alten Sicherungen; das alte Wiederherstellungsblatt gilt deshalb nicht mehr: Drucken Sie danach das neue aus.</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>Neues Passwort</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>Neues Passwort wiederholen</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>&amp;Neues Passwort:</translation>
        </message>
        <message>
            <source>&amp;Again:</source>
            <translation>&amp;Wiederholen:</translation>
        </message>
        <message>
            <source>What the password still needs</source>
            <translation>Was dem Passwort noch fehlt</translation>
        </message>
        <message>
            <source>&amp;Change password</source>
            <translation>Passwort &amp;ändern</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>&amp;Save new recovery sheet…</source>
            <translation>Neues Wiederherstellungsblatt &amp;speichern…</translation>
        </message>
        <message>
            <source>Save the new recovery sheet as a PDF</source>
            <translation>Das neue Wiederherstellungsblatt als PDF speichern</translation>
        </message>
        <message>
            <source>&amp;Print new recovery sheet…</source>
            <translation>Neues Wiederherstellungsblatt &amp;drucken…</translation>
        </message>
        <message>
            <source>Print the new recovery sheet</source>
            <translation>Das neue Wiederherstellungsblatt drucken</translation>
        </message>
        <message>
            <source>Saving or printing the recovery sheet</source>
            <translation>Speichern oder Drucken des Wiederherstellungsblatts</translation>
        </message>
        <message>
            <source>I have stored the new recovery sheet in a safe place and destroyed the &amp;old one</source>
            <translation>Ich habe das neue Wiederherstellungsblatt sicher aufbewahrt und das &amp;alte vernichtet</translation>
        </message>
        <message>
            <source>I have stored the new recovery sheet in a safe place</source>
            <translation>Ich habe das neue Wiederherstellungsblatt sicher aufbewahrt</translation>
        </message>
        <message>
            <source>Use at least {0} characters ({1} so far).</source>
            <translation>Verwenden Sie mindestens {0} Zeichen (bisher {1}).</translation>
        </message>
        <message>
            <source>Type the same password in both fields.</source>
            <translation>Geben Sie in beiden Feldern dasselbe Passwort ein.</translation>
        </message>
        <message>
            <source>Changing the password … this takes a moment.</source>
            <translation>Das Passwort wird geändert … das dauert einen Moment.</translation>
        </message>
        <message>
            <source>The off-site password was changed. Save or print the new recovery sheet now, store it safely and destroy the old one.</source>
            <translation>Das Passwort der Kopie ausser Haus wurde geändert. Speichern oder drucken Sie jetzt das neue Wiederherstellungsblatt, bewahren Sie es sicher auf und vernichten Sie das alte.</translation>
        </message>
        <message>
            <source>Recovery sheet {0}.pdf</source>
            <translation>Wiederherstellungsblatt {0}.pdf</translation>
        </message>
        <message>
            <source>Save the recovery sheet</source>
            <translation>Das Wiederherstellungsblatt speichern</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <source>Recovery sheet {0}</source>
            <translation>Wiederherstellungsblatt {0}</translation>
        </message>
        <message>
            <source>The recovery sheet was sent to the printer.</source>
            <translation>Das Wiederherstellungsblatt wurde an den Drucker gesendet.</translation>
        </message>
    </context>
    <context>
        <name>PauseDialog</name>
        <message>
            <source>Pause backups</source>
            <translation>Sicherungen pausieren</translation>
        </message>
        <message>
            <source>Whether backups are paused</source>
            <translation>Ob die Sicherungen pausiert sind</translation>
        </message>
        <message>
            <source>What a pause does</source>
            <translation>Was eine Pause bewirkt</translation>
        </message>
        <message>
            <source>During a pause the scheduled backups are skipped (holidays, a move, a drive at the repair shop). The pause ends by itself; "Back up now" still works.</source>
            <translation>Während einer Pause werden die geplanten Sicherungen ausgelassen (Ferien, ein Umzug, ein Laufwerk in der Reparatur). Die Pause endet von selbst; «Jetzt sichern» funktioniert weiterhin.</translation>
        </message>
        <message>
            <source> days</source>
            <translation> Tage</translation>
        </message>
        <message>
            <source>Number of days to pause</source>
            <translation>Anzahl Tage der Pause</translation>
        </message>
        <message>
            <source>Pause &amp;for:</source>
            <translation>Pause &amp;für:</translation>
        </message>
        <message>
            <source>When the pause ends</source>
            <translation>Wann die Pause endet</translation>
        </message>
        <message>
            <source>&amp;Pause backups</source>
            <translation>Sicherungen &amp;pausieren</translation>
        </message>
        <message>
            <source>&amp;Resume backups now</source>
            <translation>Sicherungen jetzt &amp;fortsetzen</translation>
        </message>
        <message>
            <source>Resume backups now</source>
            <translation>Sicherungen jetzt fortsetzen</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Backups run as scheduled.</source>
            <translation>Die Sicherungen laufen wie geplant.</translation>
        </message>
        <message>
            <source>Scheduled backups resume on {0}.</source>
            <translation>Die geplanten Sicherungen laufen ab {0} wieder.</translation>
        </message>
        <message>
            <source>Change the &amp;pause</source>
            <translation>&amp;Pause ändern</translation>
        </message>
    </context>
    <context>
        <name>RecoverySheet</name>
        <message>
            <source>Recovery sheet</source>
            <translation>Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>{computer}, created on {date}</source>
            <translation>{computer}, erstellt am {date}</translation>
        </message>
        <message>
            <source>How to get the timeSensor LEGAL data back when this computer is gone.</source>
            <translation>So kommen die Daten von timeSensor LEGAL zurück, wenn dieser Computer nicht mehr da ist.</translation>
        </message>
        <message>
            <source>This computer</source>
            <translation>Dieser Computer</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Computer</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Datenordner</translation>
        </message>
        <message>
            <source>Kind of installation</source>
            <translation>Art der Installation</translation>
        </message>
        <message>
            <source>single-user</source>
            <translation>Einzelplatz</translation>
        </message>
        <message>
            <source>server (4D Server)</source>
            <translation>Server (4D Server)</translation>
        </message>
        <message>
            <source>Backups on the backup drive</source>
            <translation>Sicherungen auf dem Sicherungslaufwerk</translation>
        </message>
        <message>
            <source>Off-site backup</source>
            <translation>Kopie ausser Haus</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>a folder (network share or drive)</source>
            <translation>ein Ordner (Netzwerkfreigabe oder Laufwerk)</translation>
        </message>
        <message>
            <source>an SFTP server</source>
            <translation>ein SFTP-Server</translation>
        </message>
        <message>
            <source>S3-compatible cloud storage</source>
            <translation>S3-kompatibler Cloud-Speicher</translation>
        </message>
        <message>
            <source>a restic REST server</source>
            <translation>ein restic-REST-Server</translation>
        </message>
        <message>
            <source>made outside this program</source>
            <translation>ausserhalb dieses Programms erstellt</translation>
        </message>
        <message>
            <source>a restic repository</source>
            <translation>ein restic-Repository</translation>
        </message>
        <message>
            <source>Off-site repository</source>
            <translation>Sicherungsablage ausser Haus</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Passwort</translation>
        </message>
        <message>
            <source>S3 access key ID</source>
            <translation>S3-Zugriffsschlüssel-ID</translation>
        </message>
        <message>
            <source>S3 secret access key</source>
            <translation>Geheimer S3-Zugriffsschlüssel</translation>
        </message>
        <message>
            <source>Restore on a new computer</source>
            <translation>Wiederherstellen auf einem neuen Computer</translation>
        </message>
        <message>
            <source>Restore with restic alone</source>
            <translation>Wiederherstellen nur mit restic</translation>
        </message>
        <message>
            <source>Type each command as one line: an indented line continues the line above it.</source>
            <translation>Tippen Sie jeden Befehl als eine Zeile: Eine eingerückte Zeile setzt die Zeile darüber fort.</translation>
        </message>
        <message>
            <source>IT partner</source>
            <translation>IT-Partner</translation>
        </message>
        <message>
            <source>Name and company</source>
            <translation>Name und Firma</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>Where this sheet is kept</source>
            <translation>Aufbewahrungsort dieses Blatts</translation>
        </message>
        <message>
            <source>Stored by (name, date)</source>
            <translation>Abgelegt von (Name, Datum)</translation>
        </message>
        <message>
            <source>REST server user name</source>
            <translation>Benutzername des REST-Servers</translation>
        </message>
        <message>
            <source>REST server password</source>
            <translation>Passwort des REST-Servers</translation>
        </message>
    </context>
    <context>
        <name>RecoverySheetDialog</name>
        <message>
            <source>Recovery sheet</source>
            <translation>Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>What the recovery sheet is for</source>
            <translation>Wozu das Wiederherstellungsblatt dient</translation>
        </message>
        <message>
            <source>One page that gets the data back when this computer is gone. Print it, keep it locked away from this computer and the backup drive, then confirm that it is stored.</source>
            <translation>Eine Seite, mit der die Daten zurückkommen, wenn dieser Computer weg ist. Drucken Sie es aus, bewahren Sie es verschlossen auf, weg von diesem Computer und vom Sicherungslaufwerk, und bestätigen Sie dann, dass es aufbewahrt ist.</translation>
        </message>
        <message>
            <source>The recovery sheet</source>
            <translation>Das Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>Als PDF &amp;speichern…</translation>
        </message>
        <message>
            <source>Save the recovery sheet as a PDF</source>
            <translation>Das Wiederherstellungsblatt als PDF speichern</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Drucken …</translation>
        </message>
        <message>
            <source>Print the recovery sheet</source>
            <translation>Das Wiederherstellungsblatt drucken</translation>
        </message>
        <message>
            <source>I have s&amp;tored it in a safe place</source>
            <translation>&amp;Ich habe es an einem sicheren Ort aufbewahrt</translation>
        </message>
        <message>
            <source>I have stored the recovery sheet in a safe place</source>
            <translation>Ich habe das Wiederherstellungsblatt an einem sicheren Ort aufbewahrt</translation>
        </message>
        <message>
            <source>Saving, printing or confirming the recovery sheet</source>
            <translation>Das Wiederherstellungsblatt speichern, drucken oder bestätigen</translation>
        </message>
        <message>
            <source>Preparing the recovery sheet …</source>
            <translation>Das Wiederherstellungsblatt wird vorbereitet …</translation>
        </message>
        <message>
            <source>Recovery sheet {0}.pdf</source>
            <translation>Wiederherstellungsblatt {0}.pdf</translation>
        </message>
        <message>
            <source>Save the recovery sheet</source>
            <translation>Das Wiederherstellungsblatt speichern</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <source>Recovery sheet {0}</source>
            <translation>Wiederherstellungsblatt {0}</translation>
        </message>
        <message>
            <source>The recovery sheet was sent to the printer.</source>
            <translation>Das Wiederherstellungsblatt wurde an den Drucker gesendet.</translation>
        </message>
    </context>
    <context>
        <name>ReportsBox</name>
        <message>
            <source>Reports to your IT partner (optional)</source>
            <translation>Meldungen an Ihren IT-Partner (optional)</translation>
        </message>
        <message>
            <source>Reports to your IT partner</source>
            <translation>Meldungen an Ihren IT-Partner</translation>
        </message>
        <message>
            <source>About reports</source>
            <translation>Zu den Meldungen</translation>
        </message>
        <message>
            <source>Your IT partner hears about a failed or missing backup the same day: by a monitoring ping, by e-mail, or both.</source>
            <translation>Ihr IT-Partner erfährt noch am selben Tag von einer fehlgeschlagenen oder fehlenden Sicherung: per Überwachungs-Ping, per E-Mail oder beides.</translation>
        </message>
        <message>
            <source>&amp;Ping URL:</source>
            <translation>&amp;Ping-URL:</translation>
        </message>
        <message>
            <source>Monitoring ping URL</source>
            <translation>URL für den Überwachungs-Ping</translation>
        </message>
        <message>
            <source>&amp;Mail server:</source>
            <translation>&amp;Mailserver:</translation>
        </message>
        <message>
            <source>Mail server and port</source>
            <translation>Mailserver und Port</translation>
        </message>
        <message>
            <source>Mail encryption</source>
            <translation>Mail-Verschlüsselung</translation>
        </message>
        <message>
            <source>STARTTLS</source>
            <translation>STARTTLS</translation>
        </message>
        <message>
            <source>TLS</source>
            <translation>TLS</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <source>&amp;Encryption:</source>
            <translation>V&amp;erschlüsselung:</translation>
        </message>
        <message>
            <source>&amp;Login:</source>
            <translation>&amp;Anmeldename:</translation>
        </message>
        <message>
            <source>Mail login</source>
            <translation>Anmeldename für den Mailserver</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <source>Mail password</source>
            <translation>Passwort für den Mailserver</translation>
        </message>
        <message>
            <source>&amp;Send to:</source>
            <translation>&amp;Senden an:</translation>
        </message>
        <message>
            <source>Report recipients</source>
            <translation>Empfänger der Meldungen</translation>
        </message>
        <message>
            <source>Sen&amp;der:</source>
            <translation>Absen&amp;der:</translation>
        </message>
        <message>
            <source>Report sender</source>
            <translation>Absender der Meldungen</translation>
        </message>
        <message>
            <source>Send test e-ma&amp;il</source>
            <translation>Test-E-Ma&amp;il senden</translation>
        </message>
        <message>
            <source>Send test e-mail</source>
            <translation>Test-E-Mail senden</translation>
        </message>
        <message>
            <source>Test e-mail result</source>
            <translation>Ergebnis der Test-E-Mail</translation>
        </message>
        <message>
            <source>Enter the mail server and the recipients first.</source>
            <translation>Geben Sie zuerst den Mailserver und die Empfänger an.</translation>
        </message>
        <message>
            <source>Sending a test e-mail …</source>
            <translation>Test-E-Mail wird gesendet …</translation>
        </message>
        <message>
            <source>The test e-mail could not be sent because of an unexpected error ({0}).</source>
            <translation>Die Test-E-Mail konnte wegen eines unerwarteten Fehlers nicht gesendet werden ({0}).</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Put this back in place</source>
            <translation>An den ursprünglichen Ort zurücklegen</translation>
        </message>
        <message>
            <source>Create the folders?</source>
            <translation>Ordner erstellen?</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Eine Sicherung wiederherstellen</translation>
        </message>
        <message>
            <source>What this dialog does</source>
            <translation>Was dieser Dialog tut</translation>
        </message>
        <message>
            <source>Choose a backup and a new, empty folder. The backup is restored there and checked file by file; your current data is not touched.</source>
            <translation>Wählen Sie eine Sicherung und einen neuen, leeren Ordner. Die Sicherung wird dort wiederhergestellt und Datei für Datei geprüft; Ihre aktuellen Daten werden nicht angetastet.</translation>
        </message>
        <message>
            <source>Where to restore from</source>
            <translation>Woher wiederhergestellt wird</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Bewertung</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Dateien</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Grösse</translation>
        </message>
        <message>
            <source>Backups on the backup drive</source>
            <translation>Sicherungen auf dem Sicherungslaufwerk</translation>
        </message>
        <message>
            <source>Backup &amp;drive</source>
            <translation>Sicherungs&amp;laufwerk</translation>
        </message>
        <message>
            <source>&amp;List off-site snapshots</source>
            <translation>Snapshots der Kopie ausser Haus &amp;auflisten</translation>
        </message>
        <message>
            <source>List off-site snapshots</source>
            <translation>Snapshots der Kopie ausser Haus auflisten</translation>
        </message>
        <message>
            <source>Snapshot</source>
            <translation>Snapshot</translation>
        </message>
        <message>
            <source>Backup it holds</source>
            <translation>Enthaltene Sicherung</translation>
        </message>
        <message>
            <source>Off-site snapshots</source>
            <translation>Snapshots der Kopie ausser Haus</translation>
        </message>
        <message>
            <source>About the off-site snapshots</source>
            <translation>Zu den Snapshots der Kopie ausser Haus</translation>
        </message>
        <message>
            <source>&amp;Off-site copy</source>
            <translation>&amp;Kopie ausser Haus</translation>
        </message>
        <message>
            <source>New, empty folder to restore into</source>
            <translation>Neuer, leerer Ordner für die Wiederherstellung</translation>
        </message>
        <message>
            <source>Restore &amp;into:</source>
            <translation>Wiederherstellen &amp;nach:</translation>
        </message>
        <message>
            <source>Choose &amp;folder…</source>
            <translation>&amp;Ordner wählen…</translation>
        </message>
        <message>
            <source>Choose the folder to restore into</source>
            <translation>Ordner für die Wiederherstellung wählen</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>Wieder&amp;herstellen</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Wiederherstellen</translation>
        </message>
        <message>
            <source>Restoring</source>
            <translation>Wiederherstellung läuft</translation>
        </message>
        <message>
            <source>Result of the restore</source>
            <translation>Ergebnis der Wiederherstellung</translation>
        </message>
        <message>
            <source>&amp;Put this back in place</source>
            <translation>An den ursprünglichen Ort &amp;zurücklegen</translation>
        </message>
        <message>
            <source>How to restore 4D Server's archive</source>
            <translation>So stellen Sie das Archiv von 4D Server wieder her</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schliessen</translation>
        </message>
        <message>
            <source>many files changed — check before restoring</source>
            <translation>viele Dateien verändert — vor dem Wiederherstellen prüfen</translation>
        </message>
        <message>
            <source>Asking the off-site backup for its snapshots …</source>
            <translation>Die Kopie ausser Haus wird nach ihren Snapshots gefragt …</translation>
        </message>
        <message>
            <source>Choose a new, empty folder to restore into</source>
            <translation>Wählen Sie einen neuen, leeren Ordner für die Wiederherstellung</translation>
        </message>
        <message>
            <source>Nothing was restored. Choose an existing folder, or type a new folder inside one.</source>
            <translation>Es wurde nichts wiederhergestellt. Wählen Sie einen bestehenden Ordner, oder geben Sie einen neuen Ordner in einem bestehenden an.</translation>
        </message>
        <message>
            <source>Restoring and checking … this can take a while.</source>
            <translation>Wiederherstellung und Prüfung laufen … das kann eine Weile dauern.</translation>
        </message>
        <message>
            <source>Stopping the restore …</source>
            <translation>Die Wiederherstellung wird angehalten …</translation>
        </message>
        <message>
            <source>Putting the restored data in place …</source>
            <translation>Die wiederhergestellten Daten werden an ihren Ort gelegt …</translation>
        </message>
        <message>
            <source>This is a server: 4D Server restores its own archive. Do this when nobody works:</source>
            <translation>Dies ist ein Server: 4D Server stellt sein eigenes Archiv wieder her. Gehen Sie so vor, wenn niemand arbeitet:</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Cancel the restore</source>
            <translation>Wiederherstellung abbrechen</translation>
        </message>
        <message>
            <source>The restore stopped because of an unexpected error ({0}).</source>
            <translation>Die Wiederherstellung wurde wegen eines unerwarteten Fehlers abgebrochen ({0}).</translation>
        </message>
    </context>
    <context>
        <name>RestorePage</name>
        <message>
            <source>Restore from an existing backup</source>
            <translation>Aus einer bestehenden Sicherung wiederherstellen</translation>
        </message>
        <message>
            <source>Gets the timeSensor data back into a new, empty folder. Nothing else on this computer is changed.</source>
            <translation>Holt die timeSensor-Daten in einen neuen, leeren Ordner zurück. Sonst wird auf diesem Computer nichts verändert.</translation>
        </message>
        <message>
            <source>From the backup drive</source>
            <translation>Vom Sicherungslaufwerk</translation>
        </message>
        <message>
            <source>From the &amp;off-site backup, with the recovery sheet</source>
            <translation>Aus der &amp;Kopie ausser Haus, mit dem Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>From the off-site backup</source>
            <translation>Aus der Kopie ausser Haus</translation>
        </message>
        <message>
            <source>Backup drive or backup folder</source>
            <translation>Sicherungslaufwerk oder Sicherungsordner</translation>
        </message>
        <message>
            <source>Backup &amp;drive or folder:</source>
            <translation>Sicherungs&amp;laufwerk oder Ordner:</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>&amp;Wählen …</translation>
        </message>
        <message>
            <source>Choose the backup drive or folder</source>
            <translation>Das Sicherungslaufwerk oder den Ordner wählen</translation>
        </message>
        <message>
            <source>The backup found</source>
            <translation>Die gefundene Sicherung</translation>
        </message>
        <message>
            <source>Off-site repository from the recovery sheet</source>
            <translation>Sicherungsablage ausser Haus vom Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>Password from the recovery sheet</source>
            <translation>Passwort vom Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>Computer name from the recovery sheet</source>
            <translation>Computername vom Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>S3 access key ID from the recovery sheet</source>
            <translation>S3-Zugriffsschlüssel-ID vom Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>S3 secret access key from the recovery sheet</source>
            <translation>Geheimer S3-Zugriffsschlüssel vom Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <source>Co&amp;mputer:</source>
            <translation>Co&amp;mputer:</translation>
        </message>
        <message>
            <source>S3 access &amp;key ID:</source>
            <translation>S3-Zugriffsschlüssel-&amp;ID:</translation>
        </message>
        <message>
            <source>S3 &amp;secret key:</source>
            <translation>Geheimer S3-Schl&amp;üssel:</translation>
        </message>
        <message>
            <source>New, empty folder to restore into</source>
            <translation>Neuer, leerer Ordner für die Wiederherstellung</translation>
        </message>
        <message>
            <source>Restore &amp;into:</source>
            <translation>Wiederherstellen &amp;nach:</translation>
        </message>
        <message>
            <source>From the backup dri&amp;ve</source>
            <translation>Vom &amp;Sicherungslaufwerk</translation>
        </message>
        <message>
            <source>SSH key file that the SFTP server lets in</source>
            <translation>SSH-Schlüsseldatei, die der SFTP-Server zulässt</translation>
        </message>
        <message>
            <source>the private key file, for example id_ed25519</source>
            <translation>die private Schlüsseldatei, zum Beispiel id_ed25519</translation>
        </message>
        <message>
            <source>The SFTP server's host key from the recovery sheet</source>
            <translation>Host-Schlüssel des SFTP-Servers vom Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>SHA256:… from the recovery sheet (if empty, you are shown the key)</source>
            <translation>SHA256:… vom Wiederherstellungsblatt (leer: Der Schlüssel wird Ihnen gezeigt)</translation>
        </message>
        <message>
            <source>Choo&amp;se…</source>
            <translation>Aus&amp;wählen …</translation>
        </message>
        <message>
            <source>Choose the SSH key file</source>
            <translation>Die SSH-Schlüsseldatei wählen</translation>
        </message>
        <message>
            <source>Re&amp;pository:</source>
            <translation>Sicherungs&amp;ablage:</translation>
        </message>
        <message>
            <source>SSH &amp;key file:</source>
            <translation>SSH-Schlüssel&amp;datei:</translation>
        </message>
        <message>
            <source>&amp;Host key:</source>
            <translation>Host-Schlüsse&amp;l:</translation>
        </message>
        <message>
            <source>Choose fo&amp;lder…</source>
            <translation>&amp;Ordner wählen …</translation>
        </message>
        <message>
            <source>Choose the folder to restore into</source>
            <translation>Ordner für die Wiederherstellung wählen</translation>
        </message>
        <message>
            <source>About the folder to restore into</source>
            <translation>Zum Ordner für die Wiederherstellung</translation>
        </message>
        <message>
            <source>Choose a new or empty folder; the data appears in it as 'timeSensor DataFiles'.</source>
            <translation>Wählen Sie einen neuen oder leeren Ordner; die Daten erscheinen darin als «timeSensor DataFiles».</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>Wieder&amp;herstellen</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Wiederherstellen</translation>
        </message>
        <message>
            <source>Restoring</source>
            <translation>Wiederherstellung läuft</translation>
        </message>
        <message>
            <source>Result of the restore</source>
            <translation>Ergebnis der Wiederherstellung</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>Wie es weitergeht</translation>
        </message>
        <message>
            <source>Choose the backup drive or a backup folder</source>
            <translation>Das Sicherungslaufwerk oder einen Sicherungsordner wählen</translation>
        </message>
        <message>
            <source>Looking for backups …</source>
            <translation>Sicherungen werden gesucht …</translation>
        </message>
        <message>
            <source>Choose a new, empty folder to restore into</source>
            <translation>Wählen Sie einen neuen, leeren Ordner für die Wiederherstellung</translation>
        </message>
        <message>
            <source>Create the folders?</source>
            <translation>Ordner erstellen?</translation>
        </message>
        <message>
            <source>Nothing was restored. Choose an existing folder, or type a new folder inside one.</source>
            <translation>Es wurde nichts wiederhergestellt. Wählen Sie einen bestehenden Ordner, oder geben Sie einen neuen Ordner in einem bestehenden an.</translation>
        </message>
        <message>
            <source>Restoring … this can take a while.</source>
            <translation>Wiederherstellung läuft … das kann eine Weile dauern.</translation>
        </message>
        <message>
            <source>Next: install timeSensor LEGAL, close it, and put the restored folder 'timeSensor DataFiles' in its place (your IT partner knows where). Then set up the backup again with this assistant.</source>
            <translation>Als Nächstes: Installieren Sie timeSensor LEGAL, schliessen Sie es und legen Sie den wiederhergestellten Ordner «timeSensor DataFiles» an seinen Platz (Ihr IT-Partner weiss, wohin). Richten Sie danach die Sicherung mit diesem Assistenten neu ein.</translation>
        </message>
        <message>
            <source>Nothing was restored: the server's host key {0} was not confirmed. Type the host key from the recovery sheet into the field; if the server shows another one, ask your IT partner before you go on.</source>
            <translation>Es wurde nichts wiederhergestellt: Der Host-Schlüssel {0} des Servers wurde nicht bestätigt. Geben Sie den Host-Schlüssel vom Wiederherstellungsblatt in das Feld ein; zeigt der Server einen anderen, fragen Sie Ihren IT-Partner, bevor Sie weitermachen.</translation>
        </message>
        <message>
            <source>The restore stopped because of an unexpected error ({0}).</source>
            <translation>Die Wiederherstellung wurde wegen eines unerwarteten Fehlers abgebrochen ({0}).</translation>
        </message>
        <message>
            <source>Is this your server?</source>
            <translation>Ist das Ihr Server?</translation>
        </message>
        <message>
            <source>The SFTP server shows the host key {0}. Is it the one on the recovery sheet? Answer Yes only if it is exactly the same.</source>
            <translation>Der SFTP-Server zeigt den Host-Schlüssel {0}. Ist es der auf dem Wiederherstellungsblatt? Antworten Sie nur mit Ja, wenn er genau übereinstimmt.</translation>
        </message>
    </context>
    <context>
        <name>SchedulePage</name>
        <message>
            <source>Schedule</source>
            <translation>Zeitplan</translation>
        </message>
        <message>
            <source>When the daily backup runs and how long backups are kept.</source>
            <translation>Wann die tägliche Sicherung läuft und wie lange Sicherungen aufbewahrt werden.</translation>
        </message>
        <message>
            <source>HH:MM</source>
            <translation>HH:MM</translation>
        </message>
        <message>
            <source>Daily backup time</source>
            <translation>Tägliche Sicherungszeit</translation>
        </message>
        <message>
            <source>Daily at &amp;time:</source>
            <translation>Täglich &amp;um:</translation>
        </message>
        <message>
            <source>About the time</source>
            <translation>Zur Uhrzeit</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>Mo</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>Di</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>Mi</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>Do</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>Fr</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>Sa</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>So</translation>
        </message>
        <message>
            <source>Monday</source>
            <translation>Montag</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>Dienstag</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>Mittwoch</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>Donnerstag</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>Freitag</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>Samstag</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>Sonntag</translation>
        </message>
        <message>
            <source>Working days:</source>
            <translation>Arbeitstage:</translation>
        </message>
        <message>
            <source>About working days</source>
            <translation>Zu den Arbeitstagen</translation>
        </message>
        <message>
            <source>A backup missed on a working day is reported; on other days the assistant stays quiet.</source>
            <translation>Eine an einem Arbeitstag verpasste Sicherung wird gemeldet; an anderen Tagen bleibt der Assistent still.</translation>
        </message>
        <message>
            <source>How many backups are kept</source>
            <translation>Wie viele Sicherungen aufbewahrt werden</translation>
        </message>
        <message>
            <source>&amp;Keep:</source>
            <translation>&amp;Aufbewahren:</translation>
        </message>
        <message>
            <source>Space estimate</source>
            <translation>Platzschätzung</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>Erinnerungen</translation>
        </message>
        <message>
            <source>Reminders:</source>
            <translation>Erinnerungen:</translation>
        </message>
        <message>
            <source>Saving the settings</source>
            <translation>Die Einstellungen werden gespeichert</translation>
        </message>
        <message>
            <source>Standard: {0} daily, {1} weekly and {2} monthly backups (about a year)</source>
            <translation>Standard: {0} tägliche, {1} wöchentliche und {2} monatliche Sicherungen (etwa ein Jahr)</translation>
        </message>
        <message>
            <source>Fewer: {0} daily, {1} weekly and {2} monthly backups (half a year)</source>
            <translation>Weniger: {0} tägliche, {1} wöchentliche und {2} monatliche Sicherungen (ein halbes Jahr)</translation>
        </message>
        <message>
            <source>More: {0} daily, {1} weekly and {2} monthly backups (two years)</source>
            <translation>Mehr: {0} tägliche, {1} wöchentliche und {2} monatliche Sicherungen (zwei Jahre)</translation>
        </message>
        <message>
            <source>As now: {0} daily, {1} weekly and {2} monthly backups</source>
            <translation>Wie bisher: {0} tägliche, {1} wöchentliche und {2} monatliche Sicherungen</translation>
        </message>
        <message>
            <source>Tick at least one working day: Next stays unavailable until one is ticked.</source>
            <translation>Kreuzen Sie mindestens einen Arbeitstag an: «Weiter» bleibt gesperrt, bis einer angekreuzt ist.</translation>
        </message>
        <message>
            <source>The first monthly check is due on {0}; the first restore drill on {1}.</source>
            <translation>Die erste monatliche Prüfung ist am {0} fällig, die erste Wiederherstellungsprobe am {1}.</translation>
        </message>
        <message>
            <source>Saving the settings …</source>
            <translation>Die Einstellungen werden gespeichert …</translation>
        </message>
        <message>
            <source>The settings are saved.</source>
            <translation>Die Einstellungen sind gespeichert.</translation>
        </message>
        <message>
            <source>The settings could not be saved because of an unexpected error ({0}).</source>
            <translation>Die Einstellungen konnten wegen eines unerwarteten Fehlers nicht gespeichert werden ({0}).</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>Set up the backup — tsbackup</source>
            <extracomment>Emitted when the wizard closes: the saved Config, or None when nothing was saved.</extracomment>
            <translation>Datensicherung einrichten – tsbackup</translation>
        </message>
        <message>
            <source>Backup settings — tsbackup</source>
            <translation>Einstellungen der Datensicherung – tsbackup</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Zurück</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Zurück</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Weiter &gt;</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Weiter</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>&amp;Finish</source>
            <translation>&amp;Fertig</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Print the recovery sheet first?</source>
            <translation>Zuerst das Wiederherstellungsblatt drucken?</translation>
        </message>
        <message>
            <source>The setup is saved. The off-site password is stored only in this computer's password store: if this computer is lost, nobody can open the off-site backup without the printed recovery sheet.

Print or save the recovery sheet now? (No closes; the status window keeps reminding you.)</source>
            <translation>Die Einrichtung ist gespeichert. Das Passwort der Kopie ausser Haus liegt nur im Passwortspeicher dieses Computers: Geht dieser Computer verloren, kann niemand die Kopie ausser Haus ohne das ausgedruckte Wiederherstellungsblatt öffnen.

Das Wiederherstellungsblatt jetzt drucken oder speichern? (Nein schliesst; das Statusfenster erinnert Sie weiter daran.)</translation>
        </message>
    </context>
    <context>
        <name>SheetPage</name>
        <message>
            <source>Recovery sheet</source>
            <translation>Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>One page that gets the data back when this computer is gone. Print it and keep it locked away.</source>
            <translation>Eine Seite, mit der die Daten zurückkommen, wenn dieser Computer verloren ist. Drucken Sie sie aus und schliessen Sie sie weg.</translation>
        </message>
        <message>
            <source>What the setup did</source>
            <translation>Was die Einrichtung getan hat</translation>
        </message>
        <message>
            <source>The recovery sheet</source>
            <translation>Das Wiederherstellungsblatt</translation>
        </message>
        <message>
            <source>&amp;Save…</source>
            <translation>&amp;Speichern …</translation>
        </message>
        <message>
            <source>Save the recovery sheet as a PDF</source>
            <translation>Das Wiederherstellungsblatt als PDF speichern</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Drucken …</translation>
        </message>
        <message>
            <source>Print the recovery sheet</source>
            <translation>Das Wiederherstellungsblatt drucken</translation>
        </message>
        <message>
            <source>Saving or printing</source>
            <translation>Speichern oder Drucken</translation>
        </message>
        <message>
            <source>&amp;I have stored the recovery sheet in a safe place</source>
            <translation>&amp;Ich habe das Wiederherstellungsblatt an einem sicheren Ort aufbewahrt</translation>
        </message>
        <message>
            <source>I have stored the recovery sheet in a safe place</source>
            <translation>Ich habe das Wiederherstellungsblatt an einem sicheren Ort aufbewahrt</translation>
        </message>
        <message>
            <source>Preparing the recovery sheet …</source>
            <translation>Das Wiederherstellungsblatt wird vorbereitet …</translation>
        </message>
        <message>
            <source>This went wrong because of an unexpected error ({0}).</source>
            <translation>Das ist wegen eines unerwarteten Fehlers misslungen ({0}).</translation>
        </message>
        <message>
            <source>Recovery sheet {0}.pdf</source>
            <translation>Wiederherstellungsblatt {0}.pdf</translation>
        </message>
        <message>
            <source>Save the recovery sheet</source>
            <translation>Das Wiederherstellungsblatt speichern</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <source>Recovery sheet {0}</source>
            <translation>Wiederherstellungsblatt {0}</translation>
        </message>
        <message>
            <source>The recovery sheet was sent to the printer.</source>
            <translation>Das Wiederherstellungsblatt wurde an den Drucker gesendet.</translation>
        </message>
    </context>
    <context>
        <name>SizeDurationChart</name>
        <message>
            <source>Backup size and duration, last 60 days</source>
            <translation>Grösse und Dauer der Sicherungen, letzte 60 Tage</translation>
        </message>
        <message>
            <source>{0} backups; the newest {1}, took {2}.</source>
            <translation>{0} Sicherungen; die neueste {1}, Dauer {2}.</translation>
        </message>
        <message>
            <source>No backups in the last 60 days.</source>
            <translation>Keine Sicherungen in den letzten 60 Tagen.</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Grösse</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
    </context>
    <context>
        <name>StatusButtons</name>
        <message>
            <source>Set up the backup first.</source>
            <translation>Richten Sie zuerst die Sicherung ein.</translation>
        </message>
        <message>
            <source>There is no backup yet. Press "Back up now" first.</source>
            <translation>Es gibt noch keine Sicherung. Drücken Sie zuerst «Jetzt sichern».</translation>
        </message>
        <message>
            <source>There is no off-site copy to practise with yet. It is made by the next backup ("Back up now").</source>
            <translation>Es gibt noch keine Kopie ausser Haus, mit der geübt werden kann. Sie entsteht mit der nächsten Sicherung («Jetzt sichern»).</translation>
        </message>
        <message>
            <source>The backup drive is not connected. Connect it, then press "Check again".</source>
            <translation>Das Sicherungslaufwerk ist nicht angeschlossen. Schliessen Sie es an und drücken Sie dann «Neu prüfen».</translation>
        </message>
        <message>
            <source>The backup folder is made by the first backup.</source>
            <translation>Der Sicherungsordner entsteht mit der ersten Sicherung.</translation>
        </message>
    </context>
    <context>
        <name>StatusFormat</name>
        <message>
            <source>{0} s</source>
            <translation>{0} s</translation>
        </message>
        <message>
            <source>{0} min {1} s</source>
            <translation>{0} min {1} s</translation>
        </message>
        <message>
            <source>{0} h {1} min</source>
            <translation>{0} h {1} min</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Ausgelassen</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>Sicherung</translation>
        </message>
        <message>
            <source>Monthly check</source>
            <translation>Monatliche Prüfung</translation>
        </message>
        <message>
            <source>Restore drill</source>
            <translation>Wiederherstellungsprobe</translation>
        </message>
    </context>
    <context>
        <name>StatusWindow</name>
        <message>
            <source>tsbackup — backups for timeSensor LEGAL</source>
            <extracomment>Closing the window ends the app (no tray). The tray's app sets False: the window only hides then.</extracomment>
            <translation>tsbackup — Datensicherung für timeSensor LEGAL</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Looking for timeSensor LEGAL …</source>
            <translation>timeSensor LEGAL wird gesucht …</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Demo mode: this is a built-in example installation, not your real data.</source>
            <translation>Demo-Modus: Dies ist eine eingebaute Beispielinstallation, nicht Ihre echten Daten.</translation>
        </message>
        <message>
            <source>Off-site copy</source>
            <translation>Kopie ausser Haus</translation>
        </message>
        <message>
            <source>Snapshots</source>
            <translation>Snapshots</translation>
        </message>
        <message>
            <source>timeSensor LEGAL on this computer</source>
            <translation>timeSensor LEGAL auf diesem Computer</translation>
        </message>
        <message>
            <source>Kind of installation</source>
            <translation>Art der Installation</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Datenordner</translation>
        </message>
        <message>
            <source>4D's own backup</source>
            <translation>Eigene Sicherung von 4D</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Art:</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Datenordner:</translation>
        </message>
        <message>
            <source>4D's own backup:</source>
            <translation>Eigene Sicherung von 4D:</translation>
        </message>
        <message>
            <source>Backup drive</source>
            <translation>Sicherungslaufwerk</translation>
        </message>
        <message>
            <source>Generations</source>
            <translation>Generationen</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Neu prüfen</translation>
        </message>
        <message>
            <source>&amp;Open backup folder</source>
            <translation>Sicherungsordner ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Open backup folder</source>
            <translation>Sicherungsordner öffnen</translation>
        </message>
        <message>
            <source>&amp;Set up the demo backup</source>
            <translation>Demo-Sicherung &amp;einrichten</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>Erinnerungen</translation>
        </message>
        <message>
            <source>Set up the demo backup</source>
            <translation>Demo-Sicherung einrichten</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>Jetzt &amp;sichern</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Jetzt sichern</translation>
        </message>
        <message>
            <source>Ca&amp;ncel backup</source>
            <translation>Sicherung a&amp;bbrechen</translation>
        </message>
        <message>
            <source>Cancel backup</source>
            <translation>Sicherung abbrechen</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Wiederherstellen…</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Wiederherstellen</translation>
        </message>
        <message>
            <source>Run monthly &amp;check</source>
            <translation>Monatliche P&amp;rüfung</translation>
        </message>
        <message>
            <source>Run monthly check</source>
            <translation>Monatliche Prüfung starten</translation>
        </message>
        <message>
            <source>Restore &amp;drill</source>
            <translation>Wieder&amp;herstellungsprobe</translation>
        </message>
        <message>
            <source>Restore drill</source>
            <translation>Wiederherstellungsprobe</translation>
        </message>
        <message>
            <source>Show &amp;log</source>
            <translation>&amp;Protokoll anzeigen</translation>
        </message>
        <message>
            <source>Show log</source>
            <translation>Protokoll anzeigen</translation>
        </message>
        <message>
            <source>Check &amp;again</source>
            <translation>&amp;Neu prüfen</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>Stopping the backup …</source>
            <translation>Die Sicherung wird angehalten …</translation>
        </message>
        <message>
            <source>Running the monthly check … this can take a while.</source>
            <translation>Die monatliche Prüfung läuft … das kann eine Weile dauern.</translation>
        </message>
        <message>
            <source>Running the restore drill … this can take a while.</source>
            <translation>Die Wiederherstellungsprobe läuft … das kann eine Weile dauern.</translation>
        </message>
        <message>
            <source>Something went wrong: {0}</source>
            <translation>Etwas ist schiefgegangen: {0}</translation>
        </message>
        <message>
            <source>not found</source>
            <translation>nicht gefunden</translation>
        </message>
        <message>
            <source>There is no log yet. It will be written to {0}.</source>
            <translation>Es gibt noch kein Protokoll. Es wird in {0} geschrieben.</translation>
        </message>
        <message>
            <source>The log could not be opened here. It is the file {0}.</source>
            <translation>Das Protokoll konnte hier nicht geöffnet werden. Es ist die Datei {0}.</translation>
        </message>
        <message>
            <source>Single-user (timeSensor LEGAL on this Mac)</source>
            <translation>Einzelplatz (timeSensor LEGAL auf diesem Mac)</translation>
        </message>
        <message>
            <source>Server (several users)</source>
            <translation>Server (mehrere Benutzer)</translation>
        </message>
        <message>
            <source>Workstation: the data lives on the server; install this assistant there</source>
            <translation>Arbeitsplatz: Die Daten liegen auf dem Server; installieren Sie diesen Assistenten dort</translation>
        </message>
        <message>
            <source>No timeSensor LEGAL data found</source>
            <translation>Keine Daten von timeSensor LEGAL gefunden</translation>
        </message>
        <message>
            <source>no 4D archive found</source>
            <translation>kein 4D-Archiv gefunden</translation>
        </message>
        <message>
            <source>{0} — age unknown, fresh</source>
            <translation>{0} — Alter unbekannt, aktuell</translation>
        </message>
        <message>
            <source>{0} — age unknown, too old</source>
            <translation>{0} — Alter unbekannt, zu alt</translation>
        </message>
        <message>
            <source>{0} — 1 hour old, fresh</source>
            <translation>{0} — 1 Stunde alt, aktuell</translation>
        </message>
        <message>
            <source>{0} — 1 hour old, too old</source>
            <translation>{0} — 1 Stunde alt, zu alt</translation>
        </message>
        <message>
            <source>{0} — {1} hours old, fresh</source>
            <translation>{0} — {1} Stunden alt, aktuell</translation>
        </message>
        <message>
            <source>{0} — {1} hours old, too old</source>
            <translation>{0} — {1} Stunden alt, zu alt</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <source>Summary and first backup</source>
            <translation>Zusammenfassung und erste Sicherung</translation>
        </message>
        <message>
            <source>The backup is set up. Make the first backup now, so there is one from today.</source>
            <translation>Die Sicherung ist eingerichtet. Machen Sie jetzt die erste Sicherung, damit es eine von heute gibt.</translation>
        </message>
        <message>
            <source>Data:</source>
            <translation>Daten:</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Datenordner</translation>
        </message>
        <message>
            <source>Backup drive:</source>
            <translation>Sicherungslaufwerk:</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>Sicherungsordner</translation>
        </message>
        <message>
            <source>Off-site copy:</source>
            <translation>Kopie ausser Haus:</translation>
        </message>
        <message>
            <source>Off-site copy</source>
            <translation>Kopie ausser Haus</translation>
        </message>
        <message>
            <source>When:</source>
            <translation>Wann:</translation>
        </message>
        <message>
            <source>When the backup runs</source>
            <translation>Wann die Sicherung läuft</translation>
        </message>
        <message>
            <source>Kept:</source>
            <translation>Aufbewahrt:</translation>
        </message>
        <message>
            <source>How many backups are kept</source>
            <translation>Wie viele Sicherungen aufbewahrt werden</translation>
        </message>
        <message>
            <source>&amp;Run the first backup now</source>
            <translation>Die erste Sicherung jetzt &amp;starten</translation>
        </message>
        <message>
            <source>Run the first backup now</source>
            <translation>Die erste Sicherung jetzt starten</translation>
        </message>
        <message>
            <source>Progress of the first backup</source>
            <translation>Fortschritt der ersten Sicherung</translation>
        </message>
        <message>
            <source>Progress details</source>
            <translation>Einzelheiten zum Fortschritt</translation>
        </message>
        <message>
            <source>Result of the first backup</source>
            <translation>Ergebnis der ersten Sicherung</translation>
        </message>
        <message>
            <source>Details of the result</source>
            <translation>Einzelheiten zum Ergebnis</translation>
        </message>
        <message>
            <source>What happens next</source>
            <translation>Wie es weitergeht</translation>
        </message>
        <message>
            <source>Finish closes this assistant. The backup icon stays in the menu bar or taskbar and tells you when something needs your attention.</source>
            <translation>«Fertig» schliesst diesen Assistenten. Das Sicherungssymbol bleibt in der Menü- oder Taskleiste und meldet sich, wenn etwas Ihre Aufmerksamkeit braucht.</translation>
        </message>
        <message>
            <source>single-user</source>
            <translation>Einzelplatz</translation>
        </message>
        <message>
            <source>server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>{0} ({1})</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <source>daily at {0}, on {1}</source>
            <translation>täglich um {0}, am {1}</translation>
        </message>
        <message>
            <source>{0} daily, {1} weekly and {2} monthly backups</source>
            <translation>{0} tägliche, {1} wöchentliche und {2} monatliche Sicherungen</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>Jetzt &amp;sichern</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Jetzt sichern</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>noch keine</translation>
        </message>
        <message>
            <source>made outside this program: {0}</source>
            <translation>ausserhalb dieses Programms: {0}</translation>
        </message>
        <message>
            <source>encrypted, to {0}</source>
            <translation>verschlüsselt, nach {0}</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>Mo</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>Di</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>Mi</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>Do</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>Fr</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>Sa</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>So</translation>
        </message>
        <message>
            <source>Starting the backup …</source>
            <translation>Die Sicherung startet …</translation>
        </message>
        <message>
            <source>Checking the new backup …</source>
            <translation>Die neue Sicherung wird geprüft …</translation>
        </message>
        <message>
            <source>Off-site copy: uploaded; cleaning up old snapshots …</source>
            <translation>Kopie ausser Haus: hochgeladen; alte Stände werden aufgeräumt …</translation>
        </message>
        <message>
            <source>Off-site copy: starting the upload …</source>
            <translation>Kopie ausser Haus: das Hochladen beginnt …</translation>
        </message>
        <message>
            <source>{0} of {1}</source>
            <translation>{0} von {1}</translation>
        </message>
        <message>
            <source>{0} of {1} files</source>
            <translation>{0} von {1} Dateien</translation>
        </message>
        <message>
            <source>{0}/s</source>
            <translation>{0}/s</translation>
        </message>
        <message>
            <source>Copying to the backup drive</source>
            <translation>Kopieren auf das Sicherungslaufwerk</translation>
        </message>
        <message>
            <source>less than a minute left</source>
            <translation>weniger als eine Minute übrig</translation>
        </message>
        <message>
            <source>about {0} minutes left</source>
            <translation>etwa {0} Minuten übrig</translation>
        </message>
        <message>
            <source>about {0} hours left</source>
            <translation>etwa {0} Stunden übrig</translation>
        </message>
        <message>
            <source>The backup stopped because of an unexpected error ({0}).</source>
            <translation>Die Sicherung wurde wegen eines unerwarteten Fehlers abgebrochen ({0}).</translation>
        </message>
    </context>
    <context>
        <name>TargetPanel</name>
        <message>
            <source>Where</source>
            <translation>Ort</translation>
        </message>
        <message>
            <source>Last success</source>
            <translation>Letzte erfolgreiche Sicherung</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Grösse</translation>
        </message>
        <message>
            <source>Free space</source>
            <translation>Freier Platz</translation>
        </message>
        <message>
            <source>Where:</source>
            <translation>Ort:</translation>
        </message>
        <message>
            <source>Last success:</source>
            <translation>Zuletzt erfolgreich:</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Grösse:</translation>
        </message>
        <message>
            <source>Free space:</source>
            <translation>Freier Platz:</translation>
        </message>
        <message>
            <source>not set up yet</source>
            <translation>noch nicht eingerichtet</translation>
        </message>
        <message>
            <source>{0} (not connected)</source>
            <translation>{0} (nicht angeschlossen)</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>noch keine</translation>
        </message>
        <message>
            <source>not set up</source>
            <translation>nicht eingerichtet</translation>
        </message>
        <message>
            <source>handled outside this program: {0}</source>
            <translation>ausserhalb dieses Programms erledigt: {0}</translation>
        </message>
        <message>
            <source>not visible from here</source>
            <translation>von hier aus nicht sichtbar</translation>
        </message>
        <message>
            <source>listed in Restore…</source>
            <translation>unter «Wiederherstellen…» aufgelistet</translation>
        </message>
        <message>
            <source>not known for this kind of target</source>
            <translation>bei dieser Art Ziel nicht bekannt</translation>
        </message>
        <message>
            <source>{0} of {1}</source>
            <translation>{0} von {1}</translation>
        </message>
    </context>
    <context>
        <name>TrayPresenter</name>
        <message>
            <source>Looking at the backups …</source>
            <translation>Die Sicherungen werden geprüft …</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Jetzt sichern</translation>
        </message>
        <message>
            <source>Cancel backup</source>
            <translation>Sicherung abbrechen</translation>
        </message>
        <message>
            <source>This backup was not started here and cannot be stopped from here.</source>
            <translation>Diese Sicherung wurde nicht hier gestartet und kann von hier aus nicht abgebrochen werden.</translation>
        </message>
        <message>
            <source>Open status window</source>
            <translation>Statusfenster öffnen</translation>
        </message>
        <message>
            <source>Run monthly check</source>
            <translation>Monatliche Prüfung starten</translation>
        </message>
        <message>
            <source>Restore drill</source>
            <translation>Wiederherstellungsprobe</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Einstellungen…</translation>
        </message>
        <message>
            <source>Print recovery sheet…</source>
            <translation>Wiederherstellungsblatt drucken…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <source>Comes in a later version.</source>
            <translation>Folgt in einer späteren Version.</translation>
        </message>
        <message>
            <source>Set up the backup first (Settings…).</source>
            <translation>Richten Sie zuerst die Sicherung ein (Einstellungen…).</translation>
        </message>
        <message>
            <source>Remind me tomorrow</source>
            <translation>Morgen erinnern</translation>
        </message>
        <message>
            <source>timeSensor LEGAL is open. The backup starts by itself as soon as it is closed.</source>
            <translation>timeSensor LEGAL ist geöffnet. Die Sicherung startet von selbst, sobald es geschlossen ist.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>Welcome</source>
            <translation>Willkommen</translation>
        </message>
        <message>
            <source>This assistant sets up the backup of your timeSensor LEGAL data in a few steps. It finds the data, copies it every day to a backup drive and, encrypted, to a second place away from the office. Afterwards it checks the backups regularly and tells you when something needs your attention.</source>
            <translation>Dieser Assistent richtet in wenigen Schritten die Sicherung Ihrer timeSensor-LEGAL-Daten ein. Er findet die Daten und kopiert sie täglich auf ein Sicherungslaufwerk und verschlüsselt an einen zweiten Ort ausserhalb des Büros. Danach prüft er die Sicherungen regelmässig und meldet sich, wenn etwas Ihre Aufmerksamkeit braucht.</translation>
        </message>
        <message>
            <source>What this assistant does</source>
            <translation>Was dieser Assistent tut</translation>
        </message>
        <message>
            <source>Demo mode: a built-in example installation is used, not your real data.</source>
            <translation>Demo-Modus: Es wird eine eingebaute Beispielinstallation verwendet, nicht Ihre echten Daten.</translation>
        </message>
        <message>
            <source>Demo mode</source>
            <translation>Demo-Modus</translation>
        </message>
        <message>
            <source>What would you like to do?</source>
            <translation>Was möchten Sie tun?</translation>
        </message>
        <message>
            <source>&amp;Set up the backup</source>
            <translation>Die Sicherung &amp;einrichten</translation>
        </message>
        <message>
            <source>Set up the backup</source>
            <translation>Die Sicherung einrichten</translation>
        </message>
        <message>
            <source>&amp;Restore from an existing backup</source>
            <translation>Aus einer &amp;bestehenden Sicherung wiederherstellen</translation>
        </message>
        <message>
            <source>Restore from an existing backup</source>
            <translation>Aus einer bestehenden Sicherung wiederherstellen</translation>
        </message>
        <message>
            <source>For a new computer after a loss: get the data back from the backup drive, or from the off-site backup with the recovery sheet.</source>
            <translation>Für einen neuen Computer nach einem Verlust: Holen Sie die Daten vom Sicherungslaufwerk zurück oder mit dem Wiederherstellungsblatt aus der Kopie ausser Haus.</translation>
        </message>
        <message>
            <source>About restoring</source>
            <translation>Zur Wiederherstellung</translation>
        </message>
        <message>
            <source>Change the backup settings</source>
            <translation>Die Einstellungen der Sicherung ändern</translation>
        </message>
        <message>
            <source>&amp;Change the backup settings</source>
            <translation>Die Einstellungen der Sicherung &amp;ändern</translation>
        </message>
        <message>
            <source>Your current settings are filled in on every page. Change what you need; the backups made so far are kept.</source>
            <translation>Ihre bisherigen Einstellungen sind auf jeder Seite eingetragen. Ändern Sie, was nötig ist; die bisherigen Sicherungen bleiben erhalten.</translation>
        </message>
    </context>
    <context>
        <name>WindowBackup</name>
        <message>
            <source>Backing up …</source>
            <extracomment>How often a waiting "Back up now" looks whether timeSensor LEGAL is closed.</extracomment>
            <translation>Sicherung läuft …</translation>
        </message>
        <message>
            <source>The backup will not start by itself any more.</source>
            <translation>Die Sicherung startet nun nicht mehr von selbst.</translation>
        </message>
        <message>
            <source>Stopping the backup …</source>
            <translation>Die Sicherung wird angehalten …</translation>
        </message>
        <message>
            <source>Checking the new backup …</source>
            <translation>Die neue Sicherung wird geprüft …</translation>
        </message>
        <message>
            <source>Off-site copy: uploaded; cleaning up old snapshots …</source>
            <translation>Kopie ausser Haus: hochgeladen; alte Stände werden aufgeräumt …</translation>
        </message>
        <message>
            <source>Off-site copy: starting the upload …</source>
            <translation>Kopie ausser Haus: das Hochladen beginnt …</translation>
        </message>
        <message>
            <source>Off-site copy: {0} of {1} done ({2} of {3} files)</source>
            <translation>Kopie ausser Haus: {0} von {1} erledigt ({2} von {3} Dateien)</translation>
        </message>
        <message>
            <source>Copying to the backup drive: {0} of {1} files</source>
            <translation>Kopieren auf das Sicherungslaufwerk: {0} von {1} Dateien</translation>
        </message>
        <message>
            <source>timeSensor LEGAL is open. The backup starts by itself as soon as it is closed.</source>
            <translation>timeSensor LEGAL ist geöffnet. Die Sicherung startet von selbst, sobald es geschlossen ist.</translation>
        </message>
    </context>
    <context>
        <name>WizardLauncher</name>
        <message>
            <source>Backup Drive (demo)</source>
            <translation>Sicherungslaufwerk (Demo)</translation>
        </message>
    </context>
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
        <message>
            <source>Once you have checked these items yourself, confirm them with: tsbackup check --confirm-external</source>
            <translation>Wenn Sie diese Punkte selbst geprüft haben, bestätigen Sie sie mit: tsbackup check --confirm-external</translation>
        </message>
        <message>
            <source>Say where to restore from: --from primary, --from secondary, or --repo URL with --password-stdin.</source>
            <translation>Geben Sie an, woraus wiederhergestellt werden soll: --from primary, --from secondary oder --repo URL mit --password-stdin.</translation>
        </message>
        <message>
            <source>{option} cannot be used here: {hint}</source>
            <translation>{option} kann hier nicht verwendet werden: {hint}</translation>
        </message>
        <message>
            <source>--generation is for --from primary, --snapshot for the off-site backup.</source>
            <translation>--generation gilt für --from primary, --snapshot für die Kopie ausser Haus.</translation>
        </message>
        <message>
            <source>--repo restores without a configuration and replaces --from.</source>
            <translation>--repo stellt ohne Einrichtung wieder her und ersetzt --from.</translation>
        </message>
        <message>
            <source>--repo needs --password-stdin: pass the password from the recovery sheet on standard input.</source>
            <translation>--repo braucht --password-stdin: Übergeben Sie das Passwort vom Wiederherstellungsblatt über die Standardeingabe.</translation>
        </message>
        <message>
            <source>No password arrived on standard input. Pass the password from the recovery sheet, for example with: echo 'PASSWORD' | tsbackup restore …</source>
            <translation>Über die Standardeingabe kam kein Passwort an. Übergeben Sie das Passwort vom Wiederherstellungsblatt, zum Beispiel mit: echo 'PASSWORT' | tsbackup restore …</translation>
        </message>
        <message>
            <source>The SFTP server shows the host key {fingerprint}. Is it the one on the recovery sheet? Type yes to go on:</source>
            <translation>Der SFTP-Server zeigt den Host-Schlüssel {fingerprint}. Ist es der auf dem Wiederherstellungsblatt? Tippen Sie ja, um weiterzumachen:</translation>
        </message>
        <message>
            <source>No off-site backup is set up on this computer. Use --repo URL --password-stdin to restore from one.</source>
            <translation>Auf diesem Computer ist keine Kopie ausser Haus eingerichtet. Verwenden Sie --repo URL --password-stdin, um aus einer wiederherzustellen.</translation>
        </message>
        <message>
            <source>The SFTP server shows the host key {shown}, not {expected} from the recovery sheet. It may not be your server: nothing was restored. Ask your IT partner before you go on.</source>
            <translation>Der SFTP-Server zeigt den Host-Schlüssel {shown}, nicht {expected} vom Wiederherstellungsblatt. Es ist vielleicht nicht Ihr Server: Nichts wurde wiederhergestellt. Fragen Sie Ihren IT-Partner, bevor Sie weitermachen.</translation>
        </message>
        <message>
            <source>The SFTP server shows the host key {shown}. Compare it with the one on the recovery sheet, then restore again with --host-key {shown_plain}; nothing was restored.</source>
            <translation>Der SFTP-Server zeigt den Host-Schlüssel {shown}. Vergleichen Sie ihn mit dem auf dem Wiederherstellungsblatt und stellen Sie dann mit --host-key {shown_plain} erneut wieder her; nichts wurde wiederhergestellt.</translation>
        </message>
        <message>
            <source>The S3 storage opens only with its two access keys (they are on the recovery sheet): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then restore again.</source>
            <translation>Der S3-Speicher öffnet sich nur mit seinen beiden Zugangsschlüsseln (sie stehen auf dem Wiederherstellungsblatt): Setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY und stellen Sie dann erneut wieder her.</translation>
        </message>
        <message>
            <source>An SFTP off-site backup is reached with its SSH key: give the private key file with --ssh-key FILE.</source>
            <translation>Eine Kopie ausser Haus per SFTP wird mit ihrem SSH-Schlüssel erreicht: Geben Sie die private Schlüsseldatei mit --ssh-key DATEI an.</translation>
        </message>
        <message>
            <source>{problem} The backup {good} does not share this damage: restore that one instead.</source>
            <translation>{problem} Die Sicherung {good} teilt diese Beschädigung nicht: Stellen Sie stattdessen diese wieder her.</translation>
        </message>
        <message>
            <source>{problem} Every backup on the drive holds this same damaged file (they share it): restore it from the off-site copy.</source>
            <translation>{problem} Alle Sicherungen auf dem Laufwerk enthalten dieselbe beschädigte Datei (sie teilen sie): Stellen Sie sie aus der Kopie ausser Haus wieder her.</translation>
        </message>
        <message>
            <source>There is no backup {generation} on the backup drive. 'tsbackup generations' lists them.</source>
            <translation>Auf dem Sicherungslaufwerk gibt es keine Sicherung {generation}. 'tsbackup generations' zeigt die vorhandenen.</translation>
        </message>
        <message>
            <source>A demo single-user installation of timeSensor LEGAL is ready in {root}.</source>
            <translation>Eine Demo-Einzelplatz-Installation von timeSensor LEGAL ist in {root} bereit.</translation>
        </message>
        <message>
            <source>A demo timeSensor LEGAL server installation is ready in {root}.</source>
            <translation>Eine Demo-Serverinstallation von timeSensor LEGAL ist in {root} bereit.</translation>
        </message>
        <message>
            <source>Its data folder: {path}</source>
            <translation>Ihr Datenordner: {path}</translation>
        </message>
        <message>
            <source>4D's own backups in it: {path}</source>
            <translation>Die eigenen Sicherungen von 4D darin: {path}</translation>
        </message>
        <message>
            <source>Demo backup drive (for the primary backup): {path}</source>
            <translation>Demo-Sicherungslaufwerk (für die Hauptsicherung): {path}</translation>
        </message>
        <message>
            <source>Demo off-site folder (for the secondary backup): {path}</source>
            <translation>Demo-Ordner ausser Haus (für die Zweitsicherung): {path}</translation>
        </message>
        <message>
            <source>To see what the assistant finds there, run: tsbackup detect --root '{root}' --os macos</source>
            <translation>Um zu sehen, was der Assistent dort findet, führen Sie aus: tsbackup detect --root '{root}' --os macos</translation>
        </message>
        <message>
            <source>The folder {path} is not empty and holds no demo. Choose a new or empty folder for the demo.</source>
            <translation>Der Ordner {path} ist nicht leer und enthält keine Demo. Wählen Sie für die Demo einen neuen oder leeren Ordner.</translation>
        </message>
        <message>
            <source>The folder {path} already holds a different demo. Choose a new or empty folder for this one.</source>
            <translation>Der Ordner {path} enthält bereits eine andere Demo. Wählen Sie für diese einen neuen oder leeren Ordner.</translation>
        </message>
        <message>
            <source>{path} is a file, not a folder. Choose a new or empty folder for the demo.</source>
            <translation>{path} ist eine Datei, kein Ordner. Wählen Sie für die Demo einen neuen oder leeren Ordner.</translation>
        </message>
        <message>
            <source>The demo could not be written to {path} ({reason}). Choose a folder you may write to.</source>
            <translation>Die Demo konnte nicht in {path} geschrieben werden ({reason}). Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
        </message>
        <message>
            <source>No off-site backup is set up, so there is nothing to restore in a drill. Add an off-site target in the setup first.</source>
            <translation>Es ist keine Kopie ausser Haus eingerichtet, daher gibt es für eine Wiederherstellungsprobe nichts wiederherzustellen. Richten Sie zuerst ein Ziel für die Kopie ausser Haus ein.</translation>
        </message>
        <message>
            <source>The off-site copy is handled outside this program ({where}); do the restore drill with that service's own tools.</source>
            <translation>Die Kopie ausser Haus wird ausserhalb dieses Programms erstellt ({where}); führen Sie die Wiederherstellungsprobe mit den Werkzeugen dieses Dienstes durch.</translation>
        </message>
        <message>
            <source>The off-site backup at {repo} holds no copy of this computer yet, so there is nothing to restore. Make a backup first, then run the drill.</source>
            <translation>Die Kopie ausser Haus unter {repo} enthält noch keine Kopie dieses Computers, daher gibt es nichts wiederherzustellen. Erstellen Sie zuerst eine Sicherung und führen Sie dann die Wiederherstellungsprobe aus.</translation>
        </message>
        <message>
            <source>Restore drill passed: {files} files ({size}) of the off-site copy from {when} were restored in {seconds} seconds and all match the manifest.</source>
            <translation>Wiederherstellungsprobe bestanden: {files} Dateien ({size}) der Kopie ausser Haus vom {when} wurden in {seconds} Sekunden wiederhergestellt und stimmen alle mit dem Manifest überein.</translation>
        </message>
        <message>
            <source>Restore drill failed: {count} restored items do not match the manifest of the off-site copy; the first is {path} ({problem}). Run the monthly check and a backup, then try the drill again.</source>
            <translation>Wiederherstellungsprobe fehlgeschlagen: {count} wiederhergestellte Einträge stimmen nicht mit dem Manifest der Kopie ausser Haus überein; der erste ist {path} ({problem}). Führen Sie die monatliche Prüfung und eine Sicherung aus und wiederholen Sie dann die Wiederherstellungsprobe.</translation>
        </message>
        <message>
            <source>The drill report is at {path}.</source>
            <translation>Der Bericht der Wiederherstellungsprobe liegt unter {path}.</translation>
        </message>
        <message>
            <source>The drill report could not be written to {path} ({reason}).</source>
            <translation>Der Bericht der Wiederherstellungsprobe konnte nicht unter {path} gespeichert werden ({reason}).</translation>
        </message>
        <message>
            <source>The restored files are in {path}.</source>
            <translation>Die wiederhergestellten Dateien liegen in {path}.</translation>
        </message>
        <message>
            <source>No folder with 4D backups was found for {data_dir}. Check that the automatic backup of timeSensor Server is switched on.</source>
            <extracomment>An archive changed more recently than this may still be being written by 4D.</extracomment>
            <translation>Für {data_dir} wurde kein Ordner mit 4D-Sicherungen gefunden. Prüfen Sie, ob die automatische Sicherung von timeSensor Server eingeschaltet ist.</translation>
        </message>
        <message>
            <source>The folder with 4D's backups, {path}, cannot be opened ({reason}).</source>
            <translation>Der Ordner mit den Sicherungen von 4D, {path}, lässt sich nicht öffnen ({reason}).</translation>
        </message>
        <message>
            <source>There are no 4D backups in {path} yet. Check that the automatic backup of timeSensor Server is switched on.</source>
            <translation>In {path} gibt es noch keine 4D-Sicherungen. Prüfen Sie, ob die automatische Sicherung von timeSensor Server eingeschaltet ist.</translation>
        </message>
        <message>
            <source>The newest 4D backup, {name}, is from {when} ({age} hours ago) and complete.</source>
            <translation>Die neueste 4D-Sicherung, {name}, stammt vom {when} (vor {age} Stunden) und ist vollständig.</translation>
        </message>
        <message>
            <source>The newest 4D backup, {name}, is from {when}, {age} hours ago; a newer one was due after {limit} hours. Check the automatic backup of timeSensor Server.</source>
            <translation>Die neueste 4D-Sicherung, {name}, stammt vom {when}, vor {age} Stunden; eine neuere war nach {limit} Stunden fällig. Prüfen Sie die automatische Sicherung von timeSensor Server.</translation>
        </message>
        <message>
            <source>The newest 4D backup, {name}, is not complete.</source>
            <translation>Die neueste 4D-Sicherung, {name}, ist nicht vollständig.</translation>
        </message>
        <message>
            <source>The newest complete 4D backup is {name} from {when} ({age} hours ago).</source>
            <translation>Die neueste vollständige 4D-Sicherung ist {name} vom {when} (vor {age} Stunden).</translation>
        </message>
        <message>
            <source>None of the 4D backups in {path} is complete.</source>
            <translation>Keine der 4D-Sicherungen in {path} ist vollständig.</translation>
        </message>
        <message>
            <source>The 4D backup {name} was changed {minutes} minutes ago; 4D may still be writing it.</source>
            <translation>Die 4D-Sicherung {name} wurde vor {minutes} Minuten geändert; 4D schreibt sie möglicherweise noch.</translation>
        </message>
        <message>
            <source>4D recorded the backup {name} as failed (status {status}).</source>
            <translation>4D hat die Sicherung {name} als fehlgeschlagen vermerkt (Status {status}).</translation>
        </message>
        <message>
            <source>4D's most recent backup attempt, on {when}, failed (status {status}).</source>
            <translation>Der letzte Sicherungsversuch von 4D am {when} ist fehlgeschlagen (Status {status}).</translation>
        </message>
        <message>
            <source>4D's backup journal reports a problem: {line}</source>
            <translation>Das Sicherungsprotokoll von 4D meldet ein Problem: {line}</translation>
        </message>
        <message>
            <source>Part {segment} of the 4D backup {name} is missing.</source>
            <translation>Teil {segment} der 4D-Sicherung {name} fehlt.</translation>
        </message>
        <message>
            <source>The 4D backup file {file} is empty.</source>
            <translation>Die 4D-Sicherungsdatei {file} ist leer.</translation>
        </message>
        <message>
            <source>The log backup {file} that belongs to the 4D backup {name} is missing.</source>
            <translation>Die Logdatei-Sicherung {file}, die zur 4D-Sicherung {name} gehört, fehlt.</translation>
        </message>
        <message>
            <source>Taken: 4D's backup settings name this folder.</source>
            <translation>Gewählt: Die Sicherungseinstellungen von 4D nennen diesen Ordner.</translation>
        </message>
        <message>
            <source>Named in 4D's backup settings, but not usable: {problem}</source>
            <translation>In den Sicherungseinstellungen von 4D genannt, aber nicht verwendbar: {problem}</translation>
        </message>
        <message>
            <source>4D's backup settings name '{text}', a place that cannot be reached from here.</source>
            <translation>Die Sicherungseinstellungen von 4D nennen '{text}', einen Ort, der von hier aus nicht erreichbar ist.</translation>
        </message>
        <message>
            <source>Taken: 4D's usual backup folder in the data folder.</source>
            <translation>Gewählt: der übliche Sicherungsordner von 4D im Datenordner.</translation>
        </message>
        <message>
            <source>Taken: 4D wrote its last backup here.</source>
            <translation>Gewählt: 4D hat seine letzte Sicherung hier abgelegt.</translation>
        </message>
        <message>
            <source>Taken: 4D backups were found in it.</source>
            <translation>Gewählt: Darin wurden 4D-Sicherungen gefunden.</translation>
        </message>
        <message>
            <source>Not taken: another folder was used.</source>
            <translation>Nicht gewählt: Ein anderer Ordner wird verwendet.</translation>
        </message>
        <message>
            <source>Not taken: it holds no 4D backups.</source>
            <translation>Nicht gewählt: Er enthält keine 4D-Sicherungen.</translation>
        </message>
        <message>
            <source>4D's backup settings say backups go to {path}, but that folder is not there or cannot be opened. Connect the drive or check the setting in timeSensor Server.</source>
            <translation>Laut den Sicherungseinstellungen von 4D werden die Sicherungen in {path} abgelegt, aber dieser Ordner ist nicht vorhanden oder lässt sich nicht öffnen. Schliessen Sie das Laufwerk an oder prüfen Sie die Einstellung in timeSensor Server.</translation>
        </message>
        <message>
            <source>4D's backup settings in {path} could not be read ({reason}). A daily 4D backup is assumed.</source>
            <extracomment>Extra time 4D gets beyond its schedule before an archive counts as stale. Limit when the schedule is daily, unknown or off: one day plus the grace.</extracomment>
            <translation>Die Sicherungseinstellungen von 4D in {path} konnten nicht gelesen werden ({reason}). Es wird eine tägliche 4D-Sicherung angenommen.</translation>
        </message>
        <message>
            <source>4D's automatic backup is switched off (schedule 'Never'). Switch it on in the backup settings of timeSensor Server, for example daily at night.</source>
            <translation>Die automatische Sicherung von 4D ist ausgeschaltet (Zeitplan 'Nie'). Schalten Sie sie in den Sicherungseinstellungen von timeSensor Server ein, zum Beispiel täglich in der Nacht.</translation>
        </message>
        <message>
            <source>Close timeSensor LEGAL to start today's backup.</source>
            <translation>Schliessen Sie timeSensor LEGAL, damit die heutige Sicherung starten kann.</translation>
        </message>
        <message>
            <source>Close timeSensor LEGAL to start today's backup. The program {name} (process {pid}) is running.</source>
            <translation>Schliessen Sie timeSensor LEGAL, damit die heutige Sicherung starten kann. Das Programm {name} (Prozess {pid}) läuft.</translation>
        </message>
        <message>
            <source>Close timeSensor LEGAL to start today's backup. The program {name} (process {pid}) has the file {path} open.</source>
            <translation>Schliessen Sie timeSensor LEGAL, damit die heutige Sicherung starten kann. Das Programm {name} (Prozess {pid}) hat die Datei {path} geöffnet.</translation>
        </message>
        <message>
            <source>Close timeSensor LEGAL to start today's backup. The file {path} changed during the copy.</source>
            <translation>Schliessen Sie timeSensor LEGAL, damit die heutige Sicherung starten kann. Die Datei {path} hat sich während des Kopierens verändert.</translation>
        </message>
        <message>
            <source>Close timeSensor LEGAL to start today's backup. The file {path} appeared during the copy.</source>
            <translation>Schliessen Sie timeSensor LEGAL, damit die heutige Sicherung starten kann. Die Datei {path} ist während des Kopierens neu entstanden.</translation>
        </message>
        <message>
            <source>Close timeSensor LEGAL to start today's backup. The file {path} disappeared during the copy.</source>
            <translation>Schliessen Sie timeSensor LEGAL, damit die heutige Sicherung starten kann. Die Datei {path} ist während des Kopierens verschwunden.</translation>
        </message>
        <message>
            <source>Close timeSensor LEGAL to start today's backup. The file {path} and {count} other files changed during the copy.</source>
            <translation>Schliessen Sie timeSensor LEGAL, damit die heutige Sicherung starten kann. Die Datei {path} und {count} weitere Dateien haben sich während des Kopierens verändert.</translation>
        </message>
        <message>
            <source>The backup journal {path} cannot be used ({reason}). Check that the folder is writable and the disk is not full.</source>
            <translation>Das Sicherungsjournal {path} kann nicht verwendet werden ({reason}). Prüfen Sie, ob in den Ordner geschrieben werden darf und ob die Festplatte nicht voll ist.</translation>
        </message>
        <message>
            <source>The backup was interrupted before it finished (the program was stopped or the computer was switched off).</source>
            <translation>Die Sicherung wurde unterbrochen, bevor sie fertig war (das Programm wurde beendet oder der Computer ausgeschaltet).</translation>
        </message>
        <message>
            <source>Taken: timeSensor LEGAL last opened its data file {file} here.</source>
            <translation>Gewählt: timeSensor LEGAL hat seine Datendatei {file} zuletzt hier geöffnet.</translation>
        </message>
        <message>
            <source>Taken: it holds the data file {file}.</source>
            <translation>Gewählt: Er enthält die Datendatei {file}.</translation>
        </message>
        <message>
            <source>Taken, although no data file (.4DD) was found in it.</source>
            <translation>Gewählt, obwohl darin keine Datendatei (.4DD) gefunden wurde.</translation>
        </message>
        <message>
            <source>Taken, although it cannot be opened ({reason}).</source>
            <translation>Gewählt, obwohl er sich nicht öffnen lässt ({reason}).</translation>
        </message>
        <message>
            <source>Not taken: {path} looks more likely to be in use.</source>
            <translation>Nicht gewählt: {path} wird wahrscheinlicher verwendet.</translation>
        </message>
        <message>
            <source>Named in {source} as the place of the data file {file}, but that file is not there.</source>
            <translation>In {source} als Ort der Datendatei {file} genannt, aber diese Datei ist nicht vorhanden.</translation>
        </message>
        <message>
            <source>Named in {source}, but that place cannot be reached from here.</source>
            <translation>In {source} genannt, aber dieser Ort ist von hier aus nicht erreichbar.</translation>
        </message>
        <message>
            <source>timeSensor LEGAL is installed on this computer for a single user. Its data is in {path}.</source>
            <translation>timeSensor LEGAL ist auf diesem Computer als Einzelplatz-Installation eingerichtet. Die Daten liegen in {path}.</translation>
        </message>
        <message>
            <source>A backup is made while timeSensor LEGAL is closed, so that the copy is consistent.</source>
            <translation>Eine Sicherung wird erstellt, während timeSensor LEGAL geschlossen ist, damit die Kopie in sich stimmig ist.</translation>
        </message>
        <message>
            <source>This computer is the timeSensor LEGAL server. Its data is in {path}.</source>
            <translation>Dieser Computer ist der timeSensor-LEGAL-Server. Die Daten liegen in {path}.</translation>
        </message>
        <message>
            <source>The server program is {path}.</source>
            <translation>Das Serverprogramm ist {path}.</translation>
        </message>
        <message>
            <source>4D saves its own backups in {path}.</source>
            <translation>4D legt seine eigenen Sicherungen in {path} ab.</translation>
        </message>
        <message>
            <source>Only the timeSensor LEGAL client is installed on this computer; the data is kept on the server. Install the backup assistant on the server.</source>
            <translation>Auf diesem Computer ist nur der timeSensor-LEGAL-Client installiert; die Daten liegen auf dem Server. Installieren Sie den Sicherungsassistenten auf dem Server.</translation>
        </message>
        <message>
            <source>No timeSensor LEGAL installation was found on this computer. If it is installed, choose its folder 'timeSensor DataFiles' by hand.</source>
            <translation>Auf diesem Computer wurde keine timeSensor-LEGAL-Installation gefunden. Falls timeSensor LEGAL installiert ist, wählen Sie den Ordner 'timeSensor DataFiles' von Hand.</translation>
        </message>
        <message>
            <source>The timeSensor server program was found ({path}), but not its data folder. Choose the folder 'timeSensor DataFiles' by hand.</source>
            <translation>Das timeSensor-Serverprogramm wurde gefunden ({path}), aber nicht sein Datenordner. Wählen Sie den Ordner 'timeSensor DataFiles' von Hand.</translation>
        </message>
        <message>
            <source>Other timeSensor data folders were found as well ({others}). Check that {path} is the one in use.</source>
            <translation>Es wurden noch weitere timeSensor-Datenordner gefunden ({others}). Prüfen Sie, ob {path} der verwendete ist.</translation>
        </message>
        <message>
            <source>No data file (.4DD) was found in {path}. Check that this is the right folder.</source>
            <translation>In {path} wurde keine Datendatei (.4DD) gefunden. Prüfen Sie, ob dies der richtige Ordner ist.</translation>
        </message>
        <message>
            <source>The folder {path} cannot be opened ({reason}); timeSensor's data may be in it. Run the assistant as a user who may open it, or choose the folder by hand.</source>
            <translation>Der Ordner {path} lässt sich nicht öffnen ({reason}); darin könnten die Daten von timeSensor liegen. Starten Sie den Assistenten mit einem Benutzer, der ihn öffnen darf, oder wählen Sie den Ordner von Hand.</translation>
        </message>
        <message>
            <source>The folder {path} given as the root does not exist. Give the folder that holds the copy of the installation.</source>
            <translation>Der als Wurzel angegebene Ordner {path} existiert nicht. Geben Sie den Ordner an, der die Kopie der Installation enthält.</translation>
        </message>
        <message>
            <source>{path}, given as the root, is not a folder. Give the folder that holds the copy of the installation.</source>
            <translation>{path}, als Wurzel angegeben, ist kein Ordner. Geben Sie den Ordner an, der die Kopie der Installation enthält.</translation>
        </message>
        <message>
            <source>The folder {path} given as the root cannot be opened ({reason}). Check its permissions.</source>
            <translation>Der als Wurzel angegebene Ordner {path} lässt sich nicht öffnen ({reason}). Prüfen Sie seine Berechtigungen.</translation>
        </message>
        <message>
            <source>Unknown operating system '{name}'; use windows, macos or linux.</source>
            <translation>Unbekanntes Betriebssystem '{name}'; verwenden Sie windows, macos oder linux.</translation>
        </message>
        <message>
            <source>The backup run stopped because of an unexpected error ({reason}). The details are in the log.</source>
            <translation>Die Sicherung wurde wegen eines unerwarteten Fehlers abgebrochen ({reason}). Die Einzelheiten stehen im Protokoll.</translation>
        </message>
        <message>
            <source>The backup was stopped before it finished. No new backup was kept.</source>
            <translation>Die Sicherung wurde vor dem Ende gestoppt. Es wurde keine neue Sicherung behalten.</translation>
        </message>
        <message>
            <source>Old backups could not be cleaned up ({reason}). The new backup is complete; check the backup drive.</source>
            <translation>Alte Sicherungen konnten nicht aufgeräumt werden ({reason}). Die neue Sicherung ist vollständig; prüfen Sie das Sicherungslaufwerk.</translation>
        </message>
        <message>
            <source>Backup finished: {files} files, {size}, generation {generation}.</source>
            <extracomment>The outcome of `run --scheduled` when nothing is due (exit 0, nothing recorded).</extracomment>
            <translation>Sicherung abgeschlossen: {files} Dateien, {size}, Generation {generation}.</translation>
        </message>
        <message>
            <source>Backup finished with warnings: {files} files, {size}, generation {generation}.</source>
            <translation>Sicherung mit Warnungen abgeschlossen: {files} Dateien, {size}, Generation {generation}.</translation>
        </message>
        <message>
            <source>No backup was made.</source>
            <translation>Es wurde keine Sicherung erstellt.</translation>
        </message>
        <message>
            <source>{path} was copied afresh into {generation}; the older backups {generations} still hold the damaged copy.</source>
            <translation>{path} wurde neu nach {generation} kopiert; die älteren Sicherungen {generations} enthalten noch die beschädigte Kopie.</translation>
        </message>
        <message>
            <source>No backup is due now. The next one is due on {when}.</source>
            <translation>Jetzt ist keine Sicherung fällig. Die nächste ist am {when} fällig.</translation>
        </message>
        <message>
            <source>4D's own backup of the database is missing, incomplete or out of date, so this backup holds only a copy of the running database, which may not be usable. Check the automatic backup in timeSensor Server.</source>
            <extracomment>The folder of a generation that holds 4D's archives kept outside the data folder.</extracomment>
            <translation>Die eigene Datensicherung von 4D fehlt, ist unvollständig oder veraltet; diese Sicherung enthält deshalb nur eine Kopie der laufenden Datenbank, die möglicherweise nicht brauchbar ist. Prüfen Sie die automatische Datensicherung in timeSensor Server.</translation>
        </message>
        <message>
            <source>4D was still writing its backup {name}, so it was left out of this backup; the next backup will include it.</source>
            <translation>4D schrieb noch an seiner Sicherung {name}; sie wurde deshalb in dieser Sicherung weggelassen und ist in der nächsten enthalten.</translation>
        </message>
        <message>
            <source>There are no backups on the backup drive yet.</source>
            <translation>Auf dem Sicherungslaufwerk gibt es noch keine Sicherungen.</translation>
        </message>
        <message>
            <source>{id}  {verdict}  {ended}  {files} files  {size}  ({linked} linked, {copied} copied)</source>
            <translation>{id}  {verdict}  {ended}  {files} Dateien  {size}  ({linked} verlinkt, {copied} kopiert)</translation>
        </message>
        <message>
            <source>{line}  — holds a damaged copy of {path}</source>
            <translation>{line}  — enthält eine beschädigte Kopie von {path}</translation>
        </message>
        <message>
            <source>consistent</source>
            <translation>konsistent</translation>
        </message>
        <message>
            <source>4D archive fresh</source>
            <translation>4D-Archiv aktuell</translation>
        </message>
        <message>
            <source>4D archive stale</source>
            <translation>4D-Archiv veraltet</translation>
        </message>
        <message>
            <source>Another backup is running. Wait until it has finished, then try again.</source>
            <translation>Eine andere Sicherung läuft gerade. Warten Sie, bis sie fertig ist, und versuchen Sie es dann erneut.</translation>
        </message>
        <message>
            <source>Another backup is writing to {folder} right now (from this or another computer). Wait until it has finished, then try again.</source>
            <translation>Eine andere Sicherung schreibt gerade in {folder} (von diesem oder einem anderen Computer). Warten Sie, bis sie fertig ist, und versuchen Sie es dann erneut.</translation>
        </message>
        <message>
            <source>The lock file {path} cannot be created ({reason}). Check that the folder is writable.</source>
            <translation>Die Sperrdatei {path} kann nicht angelegt werden ({reason}). Prüfen Sie, ob in den Ordner geschrieben werden darf.</translation>
        </message>
        <message>
            <source>The backup failed</source>
            <translation>Die Sicherung ist fehlgeschlagen</translation>
        </message>
        <message>
            <source>The backup is waiting</source>
            <translation>Die Sicherung wartet</translation>
        </message>
        <message>
            <source>The backup is overdue</source>
            <translation>Die Sicherung ist überfällig</translation>
        </message>
        <message>
            <source>Backup finished</source>
            <translation>Sicherung abgeschlossen</translation>
        </message>
        <message>
            <source>Backup finished with warnings</source>
            <translation>Sicherung mit Warnungen abgeschlossen</translation>
        </message>
        <message>
            <source>The backup did not start</source>
            <translation>Die Sicherung wurde nicht gestartet</translation>
        </message>
        <message>
            <source>Reminder</source>
            <translation>Erinnerung</translation>
        </message>
        <message>
            <source>timeSensor LEGAL was found. The backup is not set up yet.</source>
            <translation>timeSensor LEGAL wurde gefunden. Die Datensicherung ist noch nicht eingerichtet.</translation>
        </message>
        <message>
            <source>No timeSensor LEGAL data was found on this computer.</source>
            <translation>Auf diesem Computer wurden keine Daten von timeSensor LEGAL gefunden.</translation>
        </message>
        <message>
            <source>This step is meant for {wanted} and cannot be done on {actual}.</source>
            <translation>Dieser Schritt ist für {wanted} gedacht und kann unter {actual} nicht ausgeführt werden.</translation>
        </message>
        <message>
            <source>The command {command} failed ({reason}). Nothing else was changed after it.</source>
            <translation>Der Befehl {command} ist fehlgeschlagen ({reason}). Danach wurde nichts weiter geändert.</translation>
        </message>
        <message>
            <source>The data folder {path} cannot be found. Check that the drive holding it is connected, or run the setup again with the right folder.</source>
            <translation>Der Datenordner {path} wurde nicht gefunden. Prüfen Sie, ob das Laufwerk mit dem Ordner angeschlossen ist, oder führen Sie die Einrichtung mit dem richtigen Ordner erneut aus.</translation>
        </message>
        <message>
            <source>The data folder {path} cannot be read ({reason}). Check that this user may read it.</source>
            <translation>Der Datenordner {path} kann nicht gelesen werden ({reason}). Prüfen Sie, ob dieser Benutzer ihn lesen darf.</translation>
        </message>
        <message>
            <source>The folder {path} cannot be read ({reason}), so it is not part of this backup.</source>
            <translation>Der Ordner {path} kann nicht gelesen werden ({reason}) und ist deshalb nicht Teil dieser Sicherung.</translation>
        </message>
        <message>
            <source>The backup folder {path} lies inside the data folder {source}. Choose a backup drive outside the data folder and run the setup again.</source>
            <translation>Der Sicherungsordner {path} liegt im Datenordner {source}. Wählen Sie ein Sicherungslaufwerk ausserhalb des Datenordners und führen Sie die Einrichtung erneut aus.</translation>
        </message>
        <message>
            <source>The backup drive is full ({path}). The unfinished backup was removed and the older backups are untouched; free space on the drive or connect a bigger one.</source>
            <translation>Das Sicherungslaufwerk ist voll ({path}). Die unfertige Sicherung wurde entfernt, die älteren Sicherungen sind unverändert; schaffen Sie Platz auf dem Laufwerk oder schliessen Sie ein grösseres an.</translation>
        </message>
        <message>
            <source>Connect the backup drive: {path} disappeared during the backup. The older backups on it are untouched.</source>
            <translation>Schliessen Sie das Sicherungslaufwerk an: {path} ist während der Sicherung verschwunden. Die älteren Sicherungen darauf sind unverändert.</translation>
        </message>
        <message>
            <source>The backup drive {path} cannot be written to ({reason}). The unfinished backup was removed; check the drive and try again.</source>
            <translation>Auf das Sicherungslaufwerk {path} kann nicht geschrieben werden ({reason}). Die unfertige Sicherung wurde entfernt; prüfen Sie das Laufwerk und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>{count} names cannot be stored as they are on every backup drive, so they were stored under a safe name: {names}. Nothing is lost: the backup's manifest keeps the original names and every restore gives them back.</source>
            <translation>{count} Namen lassen sich nicht auf jedem Sicherungslaufwerk so speichern, wie sie sind, darum wurden sie unter einem sicheren Namen gespeichert: {names}. Es geht nichts verloren: Das Manifest der Sicherung enthält die ursprünglichen Namen, und jede Wiederherstellung gibt sie zurück.</translation>
        </message>
        <message>
            <source>The backup drive {path} cannot be written to ({reason}). The unfinished backup could not be removed yet; it is never shown as a backup and the next backup removes it. Check the drive and try again.</source>
            <translation>Auf das Sicherungslaufwerk {path} kann nicht geschrieben werden ({reason}). Die unfertige Sicherung konnte noch nicht entfernt werden; sie wird nie als Sicherung angezeigt und bei der nächsten Sicherung entfernt. Prüfen Sie das Laufwerk und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The backup drive {path} lost the new backup's files when its folder was renamed, so no backup was kept. The drive or its driver is faulty: use another drive.</source>
            <translation>Das Sicherungslaufwerk {path} hat die Dateien der neuen Sicherung verloren, als ihr Ordner umbenannt wurde; es wurde keine Sicherung behalten. Das Laufwerk oder sein Treiber ist fehlerhaft: Verwenden Sie ein anderes Laufwerk.</translation>
        </message>
        <message>
            <source>This backup differs from the previous one in {changed} of {total} files. Old backups were not cleaned up, so older copies stay available; check that timeSensor LEGAL's data is in order.</source>
            <translation>Diese Sicherung unterscheidet sich von der vorherigen in {changed} von {total} Dateien. Alte Sicherungen wurden nicht aufgeräumt, ältere Kopien bleiben also erhalten; prüfen Sie, ob die Daten von timeSensor LEGAL in Ordnung sind.</translation>
        </message>
        <message>
            <source>The database file {name} shrank from {before} to {after}. Old backups were not cleaned up, so older copies stay available; check that timeSensor LEGAL's data is complete.</source>
            <translation>Die Datenbankdatei {name} ist von {before} auf {after} geschrumpft. Alte Sicherungen wurden nicht aufgeräumt, ältere Kopien bleiben also erhalten; prüfen Sie, ob die Daten von timeSensor LEGAL vollständig sind.</translation>
        </message>
        <message>
            <source>The database file {name} is missing from this backup. Old backups were not cleaned up, so older copies stay available; check that timeSensor LEGAL's data is complete.</source>
            <translation>Die Datenbankdatei {name} fehlt in dieser Sicherung. Alte Sicherungen wurden nicht aufgeräumt, ältere Kopien bleiben also erhalten; prüfen Sie, ob die Daten von timeSensor LEGAL vollständig sind.</translation>
        </message>
        <message>
            <source>The old backup {generation} could not be removed ({reason}); this is tried again after the next backup.</source>
            <translation>Die alte Sicherung {generation} konnte nicht entfernt werden ({reason}); nach der nächsten Sicherung wird es erneut versucht.</translation>
        </message>
        <message>
            <source>The folder {path} could not be read ({reason}); its contents are missing from this backup.</source>
            <translation>Der Ordner {path} konnte nicht gelesen werden ({reason}); sein Inhalt fehlt in dieser Sicherung.</translation>
        </message>
        <message>
            <source>{path} is neither a file, a folder nor a link and was not backed up.</source>
            <translation>{path} ist weder eine Datei noch ein Ordner noch eine Verknüpfung und wurde nicht gesichert.</translation>
        </message>
        <message>
            <source>{path} is a link to {target}, outside the backed-up folder: the link is kept, but what it points to is not backed up.</source>
            <translation>{path} ist eine Verknüpfung auf {target} ausserhalb des gesicherten Ordners: Die Verknüpfung wird gesichert, ihr Ziel jedoch nicht.</translation>
        </message>
        <message>
            <source>The backup drive is full: this backup needs {needed}, but only {free} are free on {path}. Free space on the drive or connect a bigger one; the existing backups were left as they are.</source>
            <translation>Das Sicherungslaufwerk ist voll: Diese Sicherung braucht {needed}, auf {path} sind aber nur {free} frei. Schaffen Sie Platz auf dem Laufwerk oder schliessen Sie ein grösseres an; die bestehenden Sicherungen bleiben unverändert.</translation>
        </message>
        <message>
            <source>The backup drive {path} uses the FAT file system, which cannot store files larger than 4 GB, and {file} is {size}. Use a drive formatted as exFAT, NTFS or APFS.</source>
            <translation>Das Sicherungslaufwerk {path} verwendet das Dateisystem FAT, das keine Dateien über 4 GB speichern kann, und {file} ist {size} gross. Verwenden Sie ein Laufwerk mit exFAT, NTFS oder APFS.</translation>
        </message>
        <message>
            <source>Connect the backup drive: {path} does not hold this computer's backups (the drive marker is missing).</source>
            <translation>Schliessen Sie das Sicherungslaufwerk an: {path} enthält nicht die Sicherungen dieses Computers (die Laufwerkskennung fehlt).</translation>
        </message>
        <message>
            <source>Connect the backup drive: {path} holds the backups of another setup. If it is the right drive, run the setup again with --adopt.</source>
            <translation>Schliessen Sie das Sicherungslaufwerk an: {path} enthält die Sicherungen einer anderen Einrichtung. Wenn es das richtige Laufwerk ist, führen Sie die Einrichtung erneut mit --adopt aus.</translation>
        </message>
        <message>
            <source>The folder {path} already holds the backups of another setup. Use --adopt to take it over; its backups are kept.</source>
            <translation>Der Ordner {path} enthält bereits die Sicherungen einer anderen Einrichtung. Verwenden Sie --adopt, um ihn zu übernehmen; seine Sicherungen bleiben erhalten.</translation>
        </message>
        <message>
            <source>The backup folder {path} cannot be written ({reason}). Check that the drive is connected and writable.</source>
            <translation>In den Sicherungsordner {path} kann nicht geschrieben werden ({reason}). Prüfen Sie, ob das Laufwerk angeschlossen und beschreibbar ist.</translation>
        </message>
        <message>
            <source>The computer name {name} cannot be used as a folder name. Choose a name without slashes that does not start with a dot.</source>
            <translation>Der Computername {name} kann nicht als Ordnername verwendet werden. Wählen Sie einen Namen ohne Schrägstriche, der nicht mit einem Punkt beginnt.</translation>
        </message>
        <message>
            <source>Allow tsbackup access to this drive in System Settings → Privacy &amp; Security: macOS refused access to {path}. Then start the backup again.</source>
            <translation>Erlauben Sie tsbackup den Zugriff auf dieses Laufwerk unter Systemeinstellungen → Datenschutz &amp; Sicherheit: macOS hat den Zugriff auf {path} verweigert. Starten Sie die Sicherung danach erneut.</translation>
        </message>
        <message>
            <source>The backup drive {path} cannot be read ({reason}). Check that this user may read and write the drive.</source>
            <translation>Das Sicherungslaufwerk {path} kann nicht gelesen werden ({reason}). Prüfen Sie, ob dieser Benutzer auf dem Laufwerk lesen und schreiben darf.</translation>
        </message>
        <message>
            <source>{path} could not be read ({reason}) and is missing from this backup.</source>
            <translation>{path} konnte nicht gelesen werden ({reason}) und fehlt in dieser Sicherung.</translation>
        </message>
        <message>
            <source>{path} is in use by the database and was not copied; it is covered by the 4D backup archive.</source>
            <translation>{path} wird von der Datenbank verwendet und wurde nicht kopiert; die Datei ist im 4D-Sicherungsarchiv enthalten.</translation>
        </message>
        <message>
            <source>The link {path} could not be stored on the backup drive ({reason}).</source>
            <translation>Die Verknüpfung {path} konnte nicht auf dem Sicherungslaufwerk gespeichert werden ({reason}).</translation>
        </message>
        <message>
            <source>{count} more problems of this backup are listed in its tsbackup-manifest.json.</source>
            <translation>{count} weitere Probleme dieser Sicherung sind in ihrer Datei tsbackup-manifest.json aufgeführt.</translation>
        </message>
        <message>
            <source>Not there.</source>
            <translation>Nicht vorhanden.</translation>
        </message>
        <message>
            <source>This is a file, not a folder.</source>
            <translation>Dies ist eine Datei, kein Ordner.</translation>
        </message>
        <message>
            <source>It cannot be opened ({reason}).</source>
            <translation>Er lässt sich nicht öffnen ({reason}).</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>keine Berechtigung</translation>
        </message>
        <message>
            <source>The program restic, which makes the off-site backup, was not found. Install it (Debian/Ubuntu: 'apt install restic', macOS: 'brew install restic', Windows: install tsbackup again, it includes restic) and try again.</source>
            <translation>Das Programm restic, das die Kopie ausser Haus erstellt, wurde nicht gefunden. Installieren Sie es (Debian/Ubuntu: 'apt install restic', macOS: 'brew install restic', Windows: installieren Sie tsbackup erneut, es enthält restic) und versuchen Sie es noch einmal.</translation>
        </message>
        <message>
            <source>restic {version} at {path} is too old; version {minimum} or newer is needed. Update restic and try again.</source>
            <translation>restic {version} unter {path} ist zu alt; nötig ist Version {minimum} oder neuer. Aktualisieren Sie restic und versuchen Sie es noch einmal.</translation>
        </message>
        <message>
            <source>restic at {path} does not work ({detail}). Install restic again and try again.</source>
            <translation>restic unter {path} funktioniert nicht ({detail}). Installieren Sie restic neu und versuchen Sie es noch einmal.</translation>
        </message>
        <message>
            <source>The password for the off-site backup at {repo} is wrong. Enter the password from the recovery sheet and try again.</source>
            <translation>Das Passwort für die Kopie ausser Haus unter {repo} ist falsch. Geben Sie das Passwort vom Wiederherstellungsblatt ein und versuchen Sie es noch einmal.</translation>
        </message>
        <message>
            <source>There is no off-site backup at {repo}. Check the address, or run the setup again to create the off-site backup.</source>
            <translation>Unter {repo} gibt es keine Kopie ausser Haus. Prüfen Sie die Adresse oder führen Sie die Einrichtung erneut aus, um die Kopie ausser Haus anzulegen.</translation>
        </message>
        <message>
            <source>The off-site backup at {repo} cannot be reached ({detail}). Check that the drive, network share or internet connection is available.</source>
            <translation>Die Kopie ausser Haus unter {repo} ist nicht erreichbar ({detail}). Prüfen Sie, ob das Laufwerk, die Netzwerkfreigabe oder die Internetverbindung verfügbar ist.</translation>
        </message>
        <message>
            <source>The off-site backup at {repo} is in use by another restic process ({detail}). Try again later: a lock left by a process that stopped is cleared by itself after 30 minutes.</source>
            <translation>Die Kopie ausser Haus unter {repo} wird gerade von einem anderen restic-Vorgang benutzt ({detail}). Versuchen Sie es später noch einmal: Die Sperre eines abgebrochenen Vorgangs wird nach 30 Minuten von selbst aufgehoben.</translation>
        </message>
        <message>
            <source>restic reported an error with the off-site backup at {repo}: {detail}. The details are in the log.</source>
            <translation>restic meldete einen Fehler bei der Kopie ausser Haus unter {repo}: {detail}. Die Einzelheiten stehen im Protokoll.</translation>
        </message>
        <message>
            <source>restic ended without confirming the off-site snapshot, so it does not count as a backup ({detail}).</source>
            <translation>restic hat ohne Bestätigung des Sicherungsstands ausser Haus geendet; er zählt deshalb nicht als Sicherung ({detail}).</translation>
        </message>
        <message>
            <source>The off-site snapshot {snapshot} is incomplete: restic could not read {count} item(s), for example {item}.</source>
            <translation>Der Sicherungsstand {snapshot} der Kopie ausser Haus ist unvollständig: restic konnte {count} Element(e) nicht lesen, zum Beispiel {item}.</translation>
        </message>
        <message>
            <source>The off-site backup was cancelled before it finished; no new snapshot was made.</source>
            <translation>Die Kopie ausser Haus wurde vor dem Ende abgebrochen; es wurde kein neuer Sicherungsstand erstellt.</translation>
        </message>
        <message>
            <source>The off-site server's identity changed: the server of {repo} shows another SSH host key than the one confirmed at setup, so nothing was sent. This happens when the server was reinstalled, or when someone intercepts the connection; ask whoever runs the server (your IT partner) to confirm it, then run the setup again.</source>
            <translation>Die Identität des externen Servers hat sich geändert: Der Server von {repo} zeigt einen anderen SSH-Host-Schlüssel als den bei der Einrichtung bestätigten, deshalb wurde nichts gesendet. Das geschieht, wenn der Server neu installiert wurde oder wenn jemand die Verbindung abfängt; bitten Sie die Betreiberin oder den Betreiber des Servers (Ihren IT-Partner), dies zu bestätigen, und führen Sie dann die Einrichtung erneut aus.</translation>
        </message>
        <message>
            <source>The identity (SSH host key) of the off-site server of {repo} is not confirmed on this computer, so nothing was sent. Run the setup again to confirm it.</source>
            <translation>Die Identität (SSH-Host-Schlüssel) des externen Servers von {repo} ist auf diesem Computer nicht bestätigt, deshalb wurde nichts gesendet. Führen Sie die Einrichtung erneut aus, um sie zu bestätigen.</translation>
        </message>
        <message>
            <source>The off-site server of {repo} refused this computer's SSH key. Ask whoever runs the server (your IT partner) to allow the key, then try again.</source>
            <translation>Der externe Server von {repo} hat den SSH-Schlüssel dieses Computers abgelehnt. Bitten Sie die Betreiberin oder den Betreiber des Servers (Ihren IT-Partner), den Schlüssel zuzulassen, und versuchen Sie es dann erneut.</translation>
        </message>
        <message>
            <source>The SSH key for the off-site backup at {repo} could not be unlocked: its passphrase is missing or wrong. Run the setup again with the key's passphrase.</source>
            <translation>Der SSH-Schlüssel für die Kopie ausser Haus unter {repo} konnte nicht entsperrt werden: Seine Passphrase fehlt oder ist falsch. Führen Sie die Einrichtung mit der Passphrase des Schlüssels erneut aus.</translation>
        </message>
        <message>
            <source>The storage at {repo} refused the access keys or the login ({detail}). Check them with the provider, then run the setup again with the right ones.</source>
            <translation>Der Speicher unter {repo} hat die Zugriffsschlüssel oder die Anmeldung abgelehnt ({detail}). Prüfen Sie diese beim Anbieter und führen Sie die Einrichtung mit den richtigen erneut aus.</translation>
        </message>
        <message>
            <source>The folder {path} is not empty. Restore into a new or empty folder; nothing was changed.</source>
            <translation>Der Ordner {path} ist nicht leer. Stellen Sie in einen neuen oder leeren Ordner wieder her; es wurde nichts verändert.</translation>
        </message>
        <message>
            <source>{path} is a file, not a folder. Name a new or empty folder to restore into.</source>
            <translation>{path} ist eine Datei, kein Ordner. Geben Sie einen neuen oder leeren Ordner für die Wiederherstellung an.</translation>
        </message>
        <message>
            <source>The folder {path} cannot be written ({reason}). Choose a folder you may write to.</source>
            <translation>In den Ordner {path} kann nicht geschrieben werden ({reason}). Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
        </message>
        <message>
            <source>The backup {backup} has no readable manifest, so the restored files cannot be checked ({reason}). Try another backup.</source>
            <translation>Die Sicherung {backup} hat kein lesbares Manifest; die wiederhergestellten Dateien können deshalb nicht geprüft werden ({reason}). Versuchen Sie eine andere Sicherung.</translation>
        </message>
        <message>
            <source>The restored file {path} does not match the backup's manifest ({problem}). The files are in {to}; do not use them, try an older backup.</source>
            <translation>Die wiederhergestellte Datei {path} stimmt nicht mit dem Manifest der Sicherung überein ({problem}). Die Dateien liegen in {to}; verwenden Sie sie nicht, sondern versuchen Sie eine ältere Sicherung.</translation>
        </message>
        <message>
            <source>{count} restored items do not match the backup's manifest; the first is {path} ({problem}). The files are in {to}; do not use them, try an older backup.</source>
            <translation>{count} wiederhergestellte Einträge stimmen nicht mit dem Manifest der Sicherung überein; der erste ist {path} ({problem}). Die Dateien liegen in {to}; verwenden Sie sie nicht, sondern versuchen Sie eine ältere Sicherung.</translation>
        </message>
        <message>
            <source>The restore stopped while copying {path} ({reason}). The folder {to} was left empty.</source>
            <translation>Die Wiederherstellung brach beim Kopieren von {path} ab ({reason}). Der Ordner {to} wurde leer gelassen.</translation>
        </message>
        <message>
            <source>The off-site backup at {repo} holds no snapshot to restore.</source>
            <translation>Die Kopie ausser Haus unter {repo} enthält keinen Sicherungsstand, der wiederhergestellt werden könnte.</translation>
        </message>
        <message>
            <source>The off-site backup at {repo} holds no snapshot of the computer {host}. It holds snapshots of: {hosts}. Give one of these names with --host.</source>
            <translation>Die Kopie ausser Haus in {repo} enthält keinen Snapshot des Computers {host}. Sie enthält Snapshots von: {hosts}. Geben Sie einen dieser Namen mit --host an.</translation>
        </message>
        <message>
            <source>The off-site backup at {repo} has no snapshot {snapshot}. Run 'restic snapshots' to list them.</source>
            <translation>Die Kopie ausser Haus unter {repo} hat keinen Sicherungsstand {snapshot}. Mit 'restic snapshots' sehen Sie die vorhandenen.</translation>
        </message>
        <message>
            <source>The restore was cancelled. The unfinished copy was removed; your current data was not touched.</source>
            <translation>Die Wiederherstellung wurde abgebrochen. Die unvollständige Kopie wurde entfernt; Ihre aktuellen Daten wurden nicht angetastet.</translation>
        </message>
        <message>
            <source>Files restored: {files} ({size}), from {backup} into {to}; every file matches the backup's manifest.</source>
            <translation>Wiederhergestellte Dateien: {files} ({size}), aus {backup} nach {to}; jede Datei stimmt mit dem Manifest der Sicherung überein.</translation>
        </message>
        <message>
            <source>Files restored: {files} ({size}), from the off-site copy of {when} (snapshot {backup}) into {to}; every file matches the backup's manifest.</source>
            <translation>Wiederhergestellte Dateien: {files} ({size}), aus der Kopie ausser Haus vom {when} (Snapshot {backup}) nach {to}; jede Datei stimmt mit dem Manifest der Sicherung überein.</translation>
        </message>
        <message>
            <source>{restored} {count} file(s) keep their safe names, because this folder cannot hold their original names (the first: {example}); the file HOW-TO-RESTORE.txt on the backup drive explains the safe names.</source>
            <translation>{restored} {count} Datei(en) behalten ihre sicheren Namen, weil dieser Ordner ihre ursprünglichen Namen nicht aufnehmen kann (die erste: {example}); die Datei HOW-TO-RESTORE.txt auf dem Sicherungslaufwerk erklärt die sicheren Namen.</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>fehlt</translation>
        </message>
        <message>
            <source>wrong kind of item</source>
            <translation>falsche Art von Eintrag</translation>
        </message>
        <message>
            <source>size differs</source>
            <translation>Grösse weicht ab</translation>
        </message>
        <message>
            <source>content differs</source>
            <translation>Inhalt weicht ab</translation>
        </message>
        <message>
            <source>link points elsewhere</source>
            <translation>Verknüpfung zeigt auf ein anderes Ziel</translation>
        </message>
        <message>
            <source>not listed in the manifest</source>
            <translation>nicht im Manifest aufgeführt</translation>
        </message>
        <message>
            <source>unreadable</source>
            <translation>nicht lesbar</translation>
        </message>
        <message>
            <source>There is no finished backup on the backup drive yet, so no off-site copy was made.</source>
            <translation>Auf dem Sicherungslaufwerk gibt es noch keine abgeschlossene Sicherung; deshalb wurde keine Kopie ausser Haus erstellt.</translation>
        </message>
        <message>
            <source>No backup with a consistent state was available; the off-site copy was made from the newest backup {generation}, whose 4D archive was not fresh.</source>
            <translation>Es war keine Sicherung mit einem konsistenten Stand vorhanden; die Kopie ausser Haus wurde aus der neuesten Sicherung {generation} erstellt, deren 4D-Archiv nicht aktuell war.</translation>
        </message>
        <message>
            <source>The backup {generation} on the backup drive is incomplete ({path} is missing), so no off-site copy was made.</source>
            <translation>Die Sicherung {generation} auf dem Sicherungslaufwerk ist unvollständig ({path} fehlt); deshalb wurde keine Kopie ausser Haus erstellt.</translation>
        </message>
        <message>
            <source>The password of the off-site backup is not in this computer's password store. Run the setup again with the password from the recovery sheet.</source>
            <translation>Das Passwort der Kopie ausser Haus ist nicht im Passwortspeicher dieses Computers. Führen Sie die Einrichtung mit dem Passwort vom Wiederherstellungsblatt erneut aus.</translation>
        </message>
        <message>
            <source>Old off-site snapshots could not be cleaned up ({reason}). The new off-site copy is complete.</source>
            <translation>Alte Sicherungsstände der Kopie ausser Haus konnten nicht aufgeräumt werden ({reason}). Die neue Kopie ausser Haus ist vollständig.</translation>
        </message>
        <message>
            <source>The weekly clean-up of the off-site backup failed ({reason}). It will be tried again with the next backup.</source>
            <translation>Das wöchentliche Aufräumen der Kopie ausser Haus ist fehlgeschlagen ({reason}). Es wird mit der nächsten Sicherung erneut versucht.</translation>
        </message>
        <message>
            <source>The newest off-site copy is {days} days old. Check that the off-site backup target is reachable.</source>
            <translation>Die neueste Kopie ausser Haus ist {days} Tage alt. Prüfen Sie, ob das Ziel der Kopie ausser Haus erreichbar ist.</translation>
        </message>
        <message>
            <source>No off-site copy has been made yet.</source>
            <extracomment>An off-site copy older than this is a warning.</extracomment>
            <translation>Es wurde noch keine Kopie ausser Haus erstellt.</translation>
        </message>
        <message>
            <source>The off-site server is append-only: this program never deletes old off-site snapshots there; keeping their number in check is the job of whoever runs the server.</source>
            <translation>Der externe Server nimmt nur neue Daten an (append-only): Dieses Programm löscht dort nie alte Snapshots der Kopie ausser Haus; deren Anzahl im Griff zu behalten, ist Aufgabe der Betreiberin oder des Betreibers des Servers.</translation>
        </message>
        <message>
            <source>The data folder {path} does not exist. Check the path and run the setup again.</source>
            <translation>Der Datenordner {path} existiert nicht. Prüfen Sie den Pfad und führen Sie die Einrichtung erneut aus.</translation>
        </message>
        <message>
            <source>{path} is a file, not a folder. Name the timeSensor data folder and run the setup again.</source>
            <translation>{path} ist eine Datei, kein Ordner. Geben Sie den timeSensor-Datenordner an und führen Sie die Einrichtung erneut aus.</translation>
        </message>
        <message>
            <source>{path} does not look like a timeSensor data folder (it is not named 'timeSensor DataFiles' and holds no .4DD file). It is backed up anyway; check that this is the right folder.</source>
            <translation>{path} sieht nicht nach einem timeSensor-Datenordner aus (er heisst nicht «timeSensor DataFiles» und enthält keine .4DD-Datei). Er wird trotzdem gesichert; prüfen Sie, ob es der richtige Ordner ist.</translation>
        </message>
        <message>
            <source>The backup folder {path} does not exist. Connect the backup drive or create the folder, then run the setup again.</source>
            <translation>Der Sicherungsordner {path} existiert nicht. Schliessen Sie das Sicherungslaufwerk an oder legen Sie den Ordner an und führen Sie dann die Einrichtung erneut aus.</translation>
        </message>
        <message>
            <source>{path} is a file, not a folder. Name a folder on the backup drive and run the setup again.</source>
            <translation>{path} ist eine Datei, kein Ordner. Geben Sie einen Ordner auf dem Sicherungslaufwerk an und führen Sie die Einrichtung erneut aus.</translation>
        </message>
        <message>
            <source>This program cannot write to the backup folder {path} ({reason}). Choose a writable folder or fix its permissions.</source>
            <translation>Dieses Programm kann nicht in den Sicherungsordner {path} schreiben ({reason}). Wählen Sie einen beschreibbaren Ordner oder korrigieren Sie seine Berechtigungen.</translation>
        </message>
        <message>
            <source>The backup folder {primary} and the data folder {source} lie inside one another. Choose a backup folder outside the data folder, on another drive.</source>
            <translation>Der Sicherungsordner {primary} und der Datenordner {source} liegen ineinander. Wählen Sie einen Sicherungsordner ausserhalb des Datenordners, auf einem anderen Laufwerk.</translation>
        </message>
        <message>
            <source>The backup folder {primary} is on the same disk as the data folder. This copy does not survive a failure of that disk; use another drive if you can.</source>
            <translation>Der Sicherungsordner {primary} liegt auf derselben Festplatte wie der Datenordner. Diese Kopie übersteht keinen Ausfall dieser Festplatte; verwenden Sie wenn möglich ein anderes Laufwerk.</translation>
        </message>
        <message>
            <source>'{value}' is not a time of day. Give the time as HH:MM between 00:00 and 23:59, for example 18:30.</source>
            <translation>«{value}» ist keine Uhrzeit. Geben Sie die Zeit als HH:MM zwischen 00:00 und 23:59 an, zum Beispiel 18:30.</translation>
        </message>
        <message>
            <source>--{option} needs a whole number of 1 or more, not '{value}'.</source>
            <translation>--{option} braucht eine ganze Zahl ab 1, nicht «{value}».</translation>
        </message>
        <message>
            <source>'{value}' is not a list of working days. Use day names such as mon-fri or mon,tue,thu (mon tue wed thu fri sat sun).</source>
            <translation>«{value}» ist keine Liste von Arbeitstagen. Verwenden Sie Tagesnamen wie mon-fri oder mon,tue,thu (mon tue wed thu fri sat sun).</translation>
        </message>
        <message>
            <source>'{value}' is not a mode. Use single (one computer; the backup waits until timeSensor is closed) or server.</source>
            <translation>«{value}» ist kein Modus. Verwenden Sie single (ein Computer; die Sicherung wartet, bis timeSensor geschlossen ist) oder server.</translation>
        </message>
        <message>
            <source>'{value}' cannot be used as a computer name. Use letters, digits, spaces, dots and dashes, not starting with a dot.</source>
            <translation>«{value}» kann nicht als Computername verwendet werden. Verwenden Sie Buchstaben, Ziffern, Leerzeichen, Punkte und Bindestriche, nicht mit einem Punkt am Anfang.</translation>
        </message>
        <message>
            <source>The backup is set up: {source} is backed up to {folder}.</source>
            <translation>Die Sicherung ist eingerichtet: {source} wird nach {folder} gesichert.</translation>
        </message>
        <message>
            <source>This computer's backups are kept under the name {old} (on the backup drive and off-site), and setup keeps it. To change it, run: tsbackup rename-computer {new}</source>
            <translation>Die Sicherungen dieses Computers laufen unter dem Namen {old} (auf dem Sicherungslaufwerk und ausser Haus), und die Einrichtung behält ihn bei. Ändern lässt er sich mit: tsbackup rename-computer {new}</translation>
        </message>
        <message>
            <source>The backup folder {folder} was taken over from an earlier setup; its backups are kept.</source>
            <translation>Der Sicherungsordner {folder} wurde von einer früheren Einrichtung übernommen; seine Sicherungen bleiben erhalten.</translation>
        </message>
        <message>
            <source>Last backup {when} — all good.</source>
            <translation>Letzte Sicherung {when} — alles in Ordnung.</translation>
        </message>
        <message>
            <source>Last backup {when} — with warnings.</source>
            <translation>Letzte Sicherung {when} — mit Warnungen.</translation>
        </message>
        <message>
            <source>A backup is running.</source>
            <translation>Eine Sicherung läuft.</translation>
        </message>
        <message>
            <source>A backup is running ({percent} %).</source>
            <translation>Eine Sicherung läuft ({percent} %).</translation>
        </message>
        <message>
            <source>No backup yet. The first backup runs {when}.</source>
            <translation>Noch keine Sicherung. Die erste Sicherung läuft {when}.</translation>
        </message>
        <message>
            <source>No backup yet. The first backup starts shortly.</source>
            <translation>Noch keine Sicherung. Die erste Sicherung beginnt in Kürze.</translation>
        </message>
        <message>
            <source>Close timeSensor LEGAL to start the backup.</source>
            <translation>Schliessen Sie timeSensor LEGAL, damit die Sicherung starten kann.</translation>
        </message>
        <message>
            <source>Connect the backup drive.</source>
            <translation>Schliessen Sie das Sicherungslaufwerk an.</translation>
        </message>
        <message>
            <source>The backups {generations} hold a damaged copy of {path} (found by the monthly check). Restore that file from a newer backup or from the off-site copy; the damaged backups age out by themselves.</source>
            <translation>Die Sicherungen {generations} enthalten eine beschädigte Kopie von {path} (von der monatlichen Prüfung gefunden). Stellen Sie diese Datei aus einer neueren Sicherung oder aus der Kopie ausser Haus wieder her; die beschädigten Sicherungen fallen mit der Zeit von selbst weg.</translation>
        </message>
        <message>
            <source>The backup drive was found at {now}, not at {before} where it was set up (another drive letter or name). The backups go there while it is there; nothing needs to be done.</source>
            <translation>Das Sicherungslaufwerk wurde unter {now} gefunden, nicht unter {before}, wo es eingerichtet wurde (ein anderer Laufwerksbuchstabe oder Name). Die Sicherungen gehen dorthin, solange es dort ist; es ist nichts zu tun.</translation>
        </message>
        <message>
            <source>The backup drive's file system (such as FAT32 or exFAT) cannot hold read-only files, so the backups on it are not protected against being overwritten. Keep the drive unplugged between backups, or use a drive formatted as NTFS or APFS.</source>
            <translation>Das Dateisystem des Sicherungslaufwerks (zum Beispiel FAT32 oder exFAT) kann keine schreibgeschützten Dateien speichern, deshalb sind die Sicherungen darauf nicht gegen Überschreiben geschützt. Stecken Sie das Laufwerk zwischen den Sicherungen aus, oder verwenden Sie ein Laufwerk mit NTFS oder APFS.</translation>
        </message>
        <message>
            <source>The backup drive is connected again: the backup starts at the next look (within a minute while the app runs).</source>
            <translation>Das Sicherungslaufwerk ist wieder angeschlossen: Die Sicherung beginnt beim nächsten Nachsehen (innert einer Minute, solange das Programm läuft).</translation>
        </message>
        <message>
            <source>The last backup failed.</source>
            <translation>Die letzte Sicherung ist fehlgeschlagen.</translation>
        </message>
        <message>
            <source>No backup since {day}.</source>
            <translation>Keine Sicherung seit {day}.</translation>
        </message>
        <message>
            <source>No backup has been made yet.</source>
            <translation>Es wurde noch keine Sicherung erstellt.</translation>
        </message>
        <message>
            <source>The last backup stopped without saying why. The details are in the log.</source>
            <translation>Die letzte Sicherung wurde ohne Angabe eines Grundes beendet. Die Einzelheiten stehen im Protokoll.</translation>
        </message>
        <message>
            <source>The backup planned for {when} did not run. Start a backup now, and leave the computer switched on at the backup time.</source>
            <translation>Die für {when} geplante Sicherung wurde nicht ausgeführt. Starten Sie jetzt eine Sicherung und lassen Sie den Computer zur Sicherungszeit eingeschaltet.</translation>
        </message>
        <message>
            <source>There is no off-site backup: a fire, a theft or ransomware could destroy the data and its backup together. Add an off-site target in the settings.</source>
            <translation>Es gibt keine Sicherung ausser Haus: Ein Brand, ein Diebstahl oder Ransomware könnte die Daten und ihre Sicherung zusammen zerstören. Richten Sie in den Einstellungen ein Ziel ausser Haus ein.</translation>
        </message>
        <message>
            <source>The backup is on the same disk as the timeSensor LEGAL data, so one disk failure destroys both. Choose another drive for the backup.</source>
            <translation>Die Sicherung liegt auf derselben Festplatte wie die Daten von timeSensor LEGAL, ein einziger Festplattendefekt zerstört also beides. Wählen Sie ein anderes Laufwerk für die Sicherung.</translation>
        </message>
        <message>
            <source>Old backups are kept for now: the last backup looked like a mass change (for example ransomware or an emptied database). Check that timeSensor LEGAL shows your data as expected.</source>
            <translation>Alte Sicherungen werden vorerst behalten: Die letzte Sicherung sah nach einer Massenänderung aus (zum Beispiel Ransomware oder eine geleerte Datenbank). Prüfen Sie, ob timeSensor LEGAL Ihre Daten wie erwartet anzeigt.</translation>
        </message>
        <message>
            <source>The recovery sheet has not been confirmed yet. Print it, store it safely away from this computer, and confirm it.</source>
            <translation>Das Wiederherstellungsblatt wurde noch nicht bestätigt. Drucken Sie es aus, bewahren Sie es sicher und getrennt von diesem Computer auf und bestätigen Sie es.</translation>
        </message>
        <message>
            <source>The last monthly check found a problem. Run the check again after the next backup.</source>
            <translation>Die letzte monatliche Prüfung hat ein Problem gefunden. Führen Sie die Prüfung nach der nächsten Sicherung erneut aus.</translation>
        </message>
        <message>
            <source>The last monthly check found something that needs your attention.</source>
            <translation>Die letzte Monatsprüfung hat etwas gefunden, das Ihre Aufmerksamkeit braucht.</translation>
        </message>
        <message>
            <source>The last restore drill failed. Run the restore drill again.</source>
            <translation>Die letzte Wiederherstellungsprobe ist fehlgeschlagen. Führen Sie die Wiederherstellungsprobe erneut durch.</translation>
        </message>
        <message>
            <source>The yearly restore drill has been due since {day}. Run the restore drill.</source>
            <translation>Die jährliche Wiederherstellungsprobe ist seit {day} fällig. Führen Sie die Wiederherstellungsprobe durch.</translation>
        </message>
        <message>
            <source>The monthly check is due. Run the monthly check.</source>
            <translation>Die monatliche Prüfung ist fällig. Führen Sie die monatliche Prüfung durch.</translation>
        </message>
        <message>
            <source>The yearly restore drill is due. Run the restore drill.</source>
            <translation>Die jährliche Wiederherstellungsprobe ist fällig. Führen Sie die Wiederherstellungsprobe durch.</translation>
        </message>
        <message>
            <source>Print the recovery sheet, store it safely and confirm it.</source>
            <translation>Drucken Sie das Wiederherstellungsblatt aus, bewahren Sie es sicher auf und bestätigen Sie es.</translation>
        </message>
        <message>
            <source>today</source>
            <translation>heute</translation>
        </message>
        <message>
            <source>yesterday</source>
            <translation>gestern</translation>
        </message>
        <message>
            <source>tomorrow</source>
            <translation>morgen</translation>
        </message>
        <message>
            <source>{year}-{month:02d}-{day:02d}</source>
            <translation>{day}.{month}.{year}</translation>
        </message>
        <message>
            <source>{day} {time}</source>
            <translation>{day} {time}</translation>
        </message>
        <message>
            <source>Monday</source>
            <translation>Montag</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>Dienstag</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>Mittwoch</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>Donnerstag</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>Freitag</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>Samstag</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>Sonntag</translation>
        </message>
        <message>
            <source>The monthly check found everything in order. The next check is due on {when}.</source>
            <translation>Die monatliche Prüfung hat alles in Ordnung gefunden. Die nächste Prüfung ist am {when} fällig.</translation>
        </message>
        <message>
            <source>The monthly check is done; some items need you to confirm them.</source>
            <translation>Die monatliche Prüfung ist abgeschlossen; einige Punkte müssen Sie selbst bestätigen.</translation>
        </message>
        <message>
            <source>The monthly check finished with warnings.</source>
            <translation>Die monatliche Prüfung wurde mit Warnungen abgeschlossen.</translation>
        </message>
        <message>
            <source>The monthly check found problems that need attention.</source>
            <translation>Die monatliche Prüfung hat Probleme gefunden, um die Sie sich kümmern müssen.</translation>
        </message>
        <message>
            <source>The monthly check found {count} damaged files in the newest backup. The next backup copies them afresh; run it soon.</source>
            <translation>Die monatliche Prüfung hat {count} beschädigte Dateien in der neuesten Sicherung gefunden. Die nächste Sicherung kopiert sie neu; führen Sie sie bald aus.</translation>
        </message>
        <message>
            <source>The monthly check found a damaged file in the newest backup. The next backup copies it afresh; run it soon.</source>
            <translation>Die monatliche Prüfung hat in der neuesten Sicherung eine beschädigte Datei gefunden. Die nächste Sicherung kopiert sie neu; starten Sie sie bald.</translation>
        </message>
        <message>
            <source>The result of the check could not be recorded: {reason}</source>
            <translation>Das Ergebnis der Prüfung konnte nicht gespeichert werden: {reason}</translation>
        </message>
        <message>
            <source>restic found the off-site backup at {repo} intact and read part {subset} of 12 of its data completely (a different twelfth each month, so that a year reads all of it).</source>
            <translation>restic hat die Kopie ausser Haus in {repo} unversehrt gefunden und Teil {subset} von 12 ihrer Daten vollständig gelesen (jeden Monat ein anderes Zwölftel, so dass ein Jahr alles liest).</translation>
        </message>
        <message>
            <source>restic found errors in the off-site backup at {repo} ({detail}). Run the check again; if the errors stay, start a new off-site backup in another place.</source>
            <translation>restic hat Fehler in der Kopie ausser Haus unter {repo} gefunden ({detail}). Führen Sie die Prüfung erneut aus; bleiben die Fehler bestehen, beginnen Sie eine neue Kopie ausser Haus an einem anderen Ort.</translation>
        </message>
        <message>
            <source>The newest off-site copy is from {when}.</source>
            <translation>Die neueste Kopie ausser Haus stammt vom {when}.</translation>
        </message>
        <message>
            <source>The password of the off-site backup is in this computer's password store.</source>
            <translation>Das Passwort der Kopie ausser Haus ist im Passwortspeicher dieses Computers vorhanden.</translation>
        </message>
        <message>
            <source>The off-site copy is handled outside this program ({where}), so it cannot be checked from here. Check that it ran in the last few days and that its copies can be restored, then confirm it.</source>
            <translation>Die Kopie ausser Haus wird ausserhalb dieses Programms erstellt ({where}) und kann deshalb nicht von hier aus geprüft werden. Prüfen Sie, ob sie in den letzten Tagen gelaufen ist und ob sich ihre Kopien wiederherstellen lassen, und bestätigen Sie es dann.</translation>
        </message>
        <message>
            <source>You confirmed that the off-site copy handled outside this program ({where}) is in order.</source>
            <translation>Sie haben bestätigt, dass die ausserhalb dieses Programms erstellte Kopie ausser Haus ({where}) in Ordnung ist.</translation>
        </message>
        <message>
            <source>Check that the recovery sheet is still stored in its safe place away from this computer, then confirm it.</source>
            <translation>Prüfen Sie, ob das Wiederherstellungsblatt noch an seinem sicheren Ort ausserhalb dieses Computers aufbewahrt ist, und bestätigen Sie es dann.</translation>
        </message>
        <message>
            <source>You confirmed that the recovery sheet is still in its safe place.</source>
            <translation>Sie haben bestätigt, dass das Wiederherstellungsblatt noch an seinem sicheren Ort liegt.</translation>
        </message>
        <message>
            <source>The newest backup {generation} was read again: all {files} files ({size}) match its manifest.</source>
            <translation>Die neueste Sicherung {generation} wurde erneut gelesen: alle {files} Dateien ({size}) stimmen mit ihrem Manifest überein.</translation>
        </message>
        <message>
            <source>{path} in the backup {generation} does not match its manifest ({problem}). The next backup copies it afresh.</source>
            <translation>{path} in der Sicherung {generation} stimmt nicht mit ihrem Manifest überein ({problem}). Die nächste Sicherung kopiert die Datei neu.</translation>
        </message>
        <message>
            <source>{path} in the backup {generation} differs from the file in the data folder, although that file has not changed since the backup. The next backup copies it afresh.</source>
            <translation>{path} in der Sicherung {generation} weicht von der Datei im Datenordner ab, obwohl sich diese seit der Sicherung nicht verändert hat. Die nächste Sicherung kopiert die Datei neu.</translation>
        </message>
        <message>
            <source>One more file of the backup {generation} is damaged; the next backup copies it afresh too.</source>
            <translation>Eine weitere Datei der Sicherung {generation} ist beschädigt; die nächste Sicherung kopiert auch sie neu.</translation>
        </message>
        <message>
            <source>{count} more files of the backup {generation} are damaged; the next backup copies them afresh too.</source>
            <translation>{count} weitere Dateien der Sicherung {generation} sind beschädigt; die nächste Sicherung kopiert auch sie neu.</translation>
        </message>
        <message>
            <source>{path} in the backup {generation} is not listed in its manifest: it was added to the backup drive afterwards.</source>
            <translation>{path} in der Sicherung {generation} ist nicht in ihrem Manifest aufgeführt: es wurde nachträglich auf das Sicherungslaufwerk gelegt.</translation>
        </message>
        <message>
            <source>{count} files that have not changed in the data folder since the backup were compared with it: all match.</source>
            <translation>{count} Dateien, die sich im Datenordner seit der Sicherung nicht verändert haben, wurden mit ihm verglichen: alle stimmen überein.</translation>
        </message>
        <message>
            <source>Every file in the data folder has changed since the newest backup, so none could be compared with it.</source>
            <translation>Alle Dateien im Datenordner haben sich seit der neuesten Sicherung verändert, daher konnte keine mit ihr verglichen werden.</translation>
        </message>
        <message>
            <source>The manifest of the newest backup {generation} cannot be read ({reason}), so its files cannot be checked. Make a new backup and run the check again.</source>
            <translation>Das Manifest der neuesten Sicherung {generation} kann nicht gelesen werden ({reason}), daher können ihre Dateien nicht geprüft werden. Erstellen Sie eine neue Sicherung und führen Sie die Prüfung erneut aus.</translation>
        </message>
        <message>
            <source>The backup drive has {free} free; at the recent rate of about {rate} a day it lasts about {days} more days.</source>
            <translation>Auf dem Sicherungslaufwerk sind {free} frei; beim derzeitigen Zuwachs von etwa {rate} pro Tag reicht das noch etwa {days} Tage.</translation>
        </message>
        <message>
            <source>The backup drive will be full in about {days} days: {free} are free and the recent backups added about {rate} a day. Free space on the drive or connect a bigger one.</source>
            <translation>Das Sicherungslaufwerk ist in etwa {days} Tagen voll: {free} sind frei, und die letzten Sicherungen sind um etwa {rate} pro Tag gewachsen. Schaffen Sie Platz auf dem Laufwerk oder schliessen Sie ein grösseres an.</translation>
        </message>
        <message>
            <source>The backup drive has {free} free.</source>
            <translation>Auf dem Sicherungslaufwerk sind {free} frei.</translation>
        </message>
        <message>
            <source>The free space on the backup drive {path} cannot be read ({reason}).</source>
            <translation>Der freie Platz auf dem Sicherungslaufwerk {path} kann nicht gelesen werden ({reason}).</translation>
        </message>
        <message>
            <source>The backup drive {path} does not report its size (some network shares and drivers do not), so its free space cannot be told. Check it on the drive or the NAS itself.</source>
            <translation>Das Sicherungslaufwerk {path} meldet seine Grösse nicht (manche Netzwerkfreigaben und Treiber tun das nicht), deshalb lässt sich sein freier Platz nicht angeben. Prüfen Sie ihn am Laufwerk oder am NAS selbst.</translation>
        </message>
        <message>
            <source>No password arrived on standard input. Pass the off-site password on one line, for example with: echo 'PASSWORD' | tsbackup setup … --password-stdin</source>
            <translation>Über die Standardeingabe kam kein Passwort an. Übergeben Sie das Passwort der Kopie ausser Haus auf einer Zeile, zum Beispiel mit: echo 'PASSWORT' | tsbackup setup … --password-stdin</translation>
        </message>
        <message>
            <source>--s3-keys-stdin needs two lines on standard input: the access key ID, then the secret key (after the password line when --password-stdin is given too).</source>
            <translation>--s3-keys-stdin braucht zwei Zeilen auf der Standardeingabe: die Zugriffsschlüssel-ID, dann den geheimen Schlüssel (nach der Passwortzeile, wenn auch --password-stdin angegeben ist).</translation>
        </message>
        <message>
            <source>The off-site copy stopped because of an unexpected error ({reason}). The backup on the backup drive is complete; the details are in the log.</source>
            <translation>Die Kopie ausser Haus wurde wegen eines unerwarteten Fehlers abgebrochen ({reason}). Die Sicherung auf dem Sicherungslaufwerk ist vollständig; die Einzelheiten stehen im Protokoll.</translation>
        </message>
        <message>
            <source>Backup finished: {files} files, {size}, generation {generation}; off-site snapshot {snapshot} ({added} uploaded).</source>
            <translation>Sicherung abgeschlossen: {files} Dateien, {size}, Generation {generation}; Stand {snapshot} ausser Haus ({added} hochgeladen).</translation>
        </message>
        <message>
            <source>Backup finished with warnings: {files} files, {size}, generation {generation}; off-site snapshot {snapshot} ({added} uploaded).</source>
            <translation>Sicherung mit Warnungen abgeschlossen: {files} Dateien, {size}, Generation {generation}; Stand {snapshot} ausser Haus ({added} hochgeladen).</translation>
        </message>
        <message>
            <source>Off-site targets of the kind '{kind}' are not supported yet. Give a folder (a network share or a drive) or external:DESCRIPTION.</source>
            <translation>Ziele der Art '{kind}' werden für die Kopie ausser Haus noch nicht unterstützt. Geben Sie einen Ordner (eine Netzwerkfreigabe oder ein Laufwerk) oder external:BESCHREIBUNG an.</translation>
        </message>
        <message>
            <source>Say after external: how the off-site copy is made, for example external:NAS copy to the partner's office.</source>
            <translation>Geben Sie nach external: an, wie die Kopie ausser Haus erstellt wird, zum Beispiel external:NAS-Kopie ins Büro des Partners.</translation>
        </message>
        <message>
            <source>The folder {parent} does not exist, so the off-site backup cannot be placed at {repo}. Connect the drive or network share (or create the folder), then run the setup again.</source>
            <translation>Der Ordner {parent} existiert nicht; deshalb kann die Kopie ausser Haus nicht unter {repo} angelegt werden. Verbinden Sie das Laufwerk oder die Netzwerkfreigabe (oder erstellen Sie den Ordner) und führen Sie die Einrichtung erneut aus.</translation>
        </message>
        <message>
            <source>The connection works and the repository opens.</source>
            <translation>Die Verbindung funktioniert und die Sicherungsablage lässt sich öffnen.</translation>
        </message>
        <message>
            <source>The connection works. No off-site backup exists there yet: a new one will be created.</source>
            <translation>Die Verbindung funktioniert. Dort gibt es noch keine Kopie ausser Haus: Eine neue wird angelegt.</translation>
        </message>
        <message>
            <source>No off-site backup exists at {repo} yet. Create a new one there? If you meant an existing off-site backup, check the address: a typing error would create a new, empty one.</source>
            <translation>Unter {repo} gibt es noch keine Kopie ausser Haus. Dort eine neue anlegen? Wenn Sie eine bestehende Kopie ausser Haus gemeint haben, prüfen Sie die Adresse: Ein Tippfehler würde eine neue, leere anlegen.</translation>
        </message>
        <message>
            <source>The connection works. The bucket {bucket} does not exist yet: it will be created, with a new off-site backup in it.</source>
            <translation>Die Verbindung funktioniert. Den Bucket {bucket} gibt es noch nicht: Er wird angelegt, mit einer neuen Kopie ausser Haus darin.</translation>
        </message>
        <message>
            <source>The connection works, and there is a repository there already: give its password (it is on the recovery sheet) to use it.</source>
            <translation>Die Verbindung funktioniert, und dort liegt bereits eine Sicherungsablage: Geben Sie ihr Passwort an (es steht auf dem Wiederherstellungsblatt), um sie zu verwenden.</translation>
        </message>
        <message>
            <source>The connection works, but the password does not open the repository at {repo}. Give the password from the recovery sheet.</source>
            <translation>Die Verbindung funktioniert, aber das Passwort öffnet die Sicherungsablage unter {repo} nicht. Geben Sie das Passwort vom Wiederherstellungsblatt an.</translation>
        </message>
        <message>
            <source>Nothing to test: the off-site copy is made outside this program.</source>
            <translation>Nichts zu testen: Die Kopie ausser Haus wird ausserhalb dieses Programms erstellt.</translation>
        </message>
        <message>
            <source>The server name {host} cannot be found. Check its spelling, and that this computer is connected to the internet (or the VPN).</source>
            <translation>Der Servername {host} wurde nicht gefunden. Prüfen Sie die Schreibweise und ob dieser Computer mit dem Internet (oder dem VPN) verbunden ist.</translation>
        </message>
        <message>
            <source>{host} refuses connections on port {port}: the port is closed. Check the port number and that the server program is running.</source>
            <translation>{host} lehnt Verbindungen auf Port {port} ab: Der Port ist geschlossen. Prüfen Sie die Portnummer und ob das Serverprogramm läuft.</translation>
        </message>
        <message>
            <source>The server {host} does not answer on port {port} ({detail}). Check the address, the VPN and the firewall.</source>
            <translation>Der Server {host} antwortet nicht auf Port {port} ({detail}). Prüfen Sie die Adresse, das VPN und die Firewall.</translation>
        </message>
        <message>
            <source>The off-site target at {repo} did not answer within {seconds} seconds. Check the network connection and try again.</source>
            <translation>Das Ziel {repo} der Kopie ausser Haus hat nicht innerhalb von {seconds} Sekunden geantwortet. Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The server {host} refused the SSH key {key}. Ask whoever runs it (your IT partner) to allow the public key {public} for the user {user}.</source>
            <translation>Der Server {host} hat den SSH-Schlüssel {key} abgelehnt. Bitten Sie die Betreiberin oder den Betreiber (Ihren IT-Partner), den öffentlichen Schlüssel {public} für den Benutzer {user} zuzulassen.</translation>
        </message>
        <message>
            <source>The off-site server's identity changed: {host} now shows the host key {fingerprint}, not the one confirmed before. Ask whoever runs the server whether it was reinstalled before you trust it.</source>
            <translation>Die Identität des externen Servers hat sich geändert: {host} zeigt jetzt den Host-Schlüssel {fingerprint}, nicht den zuvor bestätigten. Fragen Sie die Betreiberin oder den Betreiber des Servers, ob er neu installiert wurde, bevor Sie ihm vertrauen.</translation>
        </message>
        <message>
            <source>The connection works, but nothing can be written at {repo}. Ask whoever runs the server for write access there, or choose another folder.</source>
            <translation>Die Verbindung funktioniert, aber unter {repo} kann nichts geschrieben werden. Bitten Sie die Betreiberin oder den Betreiber des Servers um Schreibrechte oder wählen Sie einen anderen Ordner.</translation>
        </message>
        <message>
            <source>The folder {parent} does not exist, so nothing can be stored at {repo}. Connect the drive or network share, or create the folder.</source>
            <translation>Der Ordner {parent} existiert nicht, deshalb kann unter {repo} nichts gespeichert werden. Schliessen Sie das Laufwerk oder die Netzwerkfreigabe an oder erstellen Sie den Ordner.</translation>
        </message>
        <message>
            <source>This computer cannot write to {folder} ({reason}). Choose a folder you may write to.</source>
            <translation>Dieser Computer kann nicht in {folder} schreiben ({reason}). Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
        </message>
        <message>
            <source>{repo} is a file, not a folder. Name a folder for the off-site backup.</source>
            <translation>{repo} ist eine Datei, kein Ordner. Geben Sie einen Ordner für die Kopie ausser Haus an.</translation>
        </message>
        <message>
            <source>The folder {repo} holds other files and no off-site backup. Name a new or empty folder for the off-site backup.</source>
            <extracomment>The letters of a generated password: lower case only, and none that a reader of the printed sheet could take for another (no 0/o, 1/l, no - or _ inside a group). 32 letters: 5 bits each.</extracomment>
            <translation>Der Ordner {repo} enthält andere Dateien und keine Kopie ausser Haus. Geben Sie einen neuen oder leeren Ordner für die Kopie ausser Haus an.</translation>
        </message>
        <message>
            <source>The connection test failed: {reason}</source>
            <translation>Der Verbindungstest ist fehlgeschlagen: {reason}</translation>
        </message>
        <message>
            <source>The off-site backup {repo} would lie inside the data folder {source}. Choose a folder on another drive or computer.</source>
            <translation>Die Kopie ausser Haus {repo} läge im Datenordner {source}. Wählen Sie einen Ordner auf einem anderen Laufwerk oder Computer.</translation>
        </message>
        <message>
            <source>There is already an off-site backup at {repo}. Give its password with --password-stdin (it is on the recovery sheet); nothing was changed.</source>
            <translation>Unter {repo} gibt es bereits eine Kopie ausser Haus. Geben Sie ihr Passwort mit --password-stdin an (es steht auf dem Wiederherstellungsblatt); es wurde nichts verändert.</translation>
        </message>
        <message>
            <source>The password does not open the off-site backup at {repo}. Give the password from the recovery sheet; nothing was changed.</source>
            <translation>Mit diesem Passwort lässt sich die Kopie ausser Haus unter {repo} nicht öffnen. Geben Sie das Passwort vom Wiederherstellungsblatt an; es wurde nichts verändert.</translation>
        </message>
        <message>
            <source>The off-site backup could not be set up, and nothing was changed: {reason}</source>
            <translation>Die Kopie ausser Haus konnte nicht eingerichtet werden, und es wurde nichts verändert: {reason}</translation>
        </message>
        <message>
            <source>{option} belongs to an off-site backup: give --secondary as well.</source>
            <translation>{option} gehört zu einer Kopie ausser Haus: Geben Sie auch --secondary an.</translation>
        </message>
        <message>
            <source>No off-site backup existed at {repo}, so a new, encrypted one was created there. If you meant an existing one, check the address: a typing error creates a new, empty backup.</source>
            <translation>Unter {repo} gab es noch keine Kopie ausser Haus, deshalb wurde dort eine neue, verschlüsselte angelegt. Wenn Sie eine bestehende gemeint haben, prüfen Sie die Adresse: Ein Tippfehler legt eine neue, leere Sicherung an.</translation>
        </message>
        <message>
            <source>{option} cannot be used with external: this program does not make that off-site copy.</source>
            <translation>{option} kann nicht mit external: verwendet werden: Diese Kopie ausser Haus erstellt nicht dieses Programm.</translation>
        </message>
        <message>
            <source>--limit-upload needs the upload limit in KiB/s as a whole number (0 for no limit), not '{value}'.</source>
            <translation>--limit-upload braucht die Upload-Grenze in KiB/s als ganze Zahl (0 für keine Grenze), nicht '{value}'.</translation>
        </message>
        <message>
            <source>The existing off-site backup at {repo} is used; its password was accepted.</source>
            <translation>Die bestehende Kopie ausser Haus unter {repo} wird verwendet; ihr Passwort wurde akzeptiert.</translation>
        </message>
        <message>
            <source>Its password was generated and stored in this computer's password store. Print the recovery sheet (tsbackup recovery-sheet --to FILE.pdf) and keep it away from this computer: without that password the off-site backup cannot be restored.</source>
            <translation>Ihr Passwort wurde erzeugt und im Passwortspeicher dieses Computers abgelegt. Drucken Sie das Wiederherstellungsblatt aus (tsbackup recovery-sheet --to DATEI.pdf) und bewahren Sie es ausserhalb dieses Computers auf: Ohne dieses Passwort kann die Kopie ausser Haus nicht wiederhergestellt werden.</translation>
        </message>
        <message>
            <source>The off-site copy is made outside this program ({text}); the monthly check will ask you to confirm it.</source>
            <translation>Die Kopie ausser Haus wird ausserhalb dieses Programms erstellt ({text}); die monatliche Prüfung wird Sie bitten, sie zu bestätigen.</translation>
        </message>
        <message>
            <source>Keep this sheet locked away (in a safe, or sealed with your IT partner), never next to this computer or the backup drive: whoever holds it can open the firm's off-site backups.</source>
            <extracomment>Keyring names of the S3 keys (as `secondary.restic_env` reads them) and the variables restic reads. The same for a REST server's login (`targets_rest`). Stands for the folder to restore into in every command on the sheet; the sheet explains it.</extracomment>
            <translation>Bewahren Sie dieses Blatt unter Verschluss auf (in einem Tresor oder versiegelt bei Ihrem IT-Partner), nie neben diesem Computer oder dem Sicherungslaufwerk: Wer es besitzt, kann die Kopien ausser Haus der Kanzlei öffnen.</translation>
        </message>
        <message>
            <source>Keep this sheet with your emergency documents, away from this computer and the backup drive.</source>
            <translation>Bewahren Sie dieses Blatt bei Ihren Notfallunterlagen auf, getrennt von diesem Computer und dem Sicherungslaufwerk.</translation>
        </message>
        <message>
            <source>Each backup there is a dated folder with a plain copy of the data folder: copy it back with Finder or Explorer while timeSensor LEGAL is closed, as {howto} explains.</source>
            <translation>Jede Sicherung dort ist ein datierter Ordner mit einer einfachen Kopie des Datenordners: Kopieren Sie sie mit dem Finder oder dem Explorer zurück, während timeSensor LEGAL geschlossen ist, wie {howto} beschreibt.</translation>
        </message>
        <message>
            <source>No off-site backup is set up: the backup drive holds the only copies. Set up an off-site backup so that a fire or a theft cannot take both.</source>
            <translation>Es ist keine Kopie ausser Haus eingerichtet: Das Sicherungslaufwerk enthält die einzigen Kopien. Richten Sie eine Kopie ausser Haus ein, damit ein Brand oder ein Diebstahl nicht beides vernichten kann.</translation>
        </message>
        <message>
            <source>The off-site copy is made outside this program ({text}). Restore it with that service's own tools; ask whoever runs it.</source>
            <translation>Die Kopie ausser Haus wird ausserhalb dieses Programms erstellt ({text}). Stellen Sie sie mit den Werkzeugen dieses Dienstes wieder her; fragen Sie, wer ihn betreibt.</translation>
        </message>
        <message>
            <source>The off-site backup is encrypted with this password: without it nobody can restore it, with it anyone who reaches the repository can read the data.</source>
            <translation>Die Kopie ausser Haus ist mit diesem Passwort verschlüsselt: Ohne es kann niemand sie wiederherstellen, mit ihm kann jeder, der die Sicherungsablage erreicht, die Daten lesen.</translation>
        </message>
        <message>
            <source>The S3 keys are as secret as the password: set the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to them before running the commands below.</source>
            <translation>Die S3-Schlüssel sind so geheim wie das Passwort: Setzen Sie die Umgebungsvariablen AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY auf diese Werte, bevor Sie die folgenden Befehle ausführen.</translation>
        </message>
        <message>
            <source>The SFTP server lets in only an allowed SSH key. On a new computer, ask whoever runs the server (your IT partner) to allow the new computer's key first.</source>
            <translation>Der SFTP-Server lässt nur einen zugelassenen SSH-Schlüssel zu. Bitten Sie auf einem neuen Computer zuerst den Betreiber des Servers (Ihren IT-Partner), den Schlüssel des neuen Computers zuzulassen.</translation>
        </message>
        <message>
            <source>This computer logs in with the SSH key {key}. The server's identity (host key) is {fingerprint}: when a new computer connects for the first time, it must show the same.</source>
            <translation>Dieser Computer meldet sich mit dem SSH-Schlüssel {key} an. Die Identität des Servers (Host-Schlüssel) ist {fingerprint}: Wenn sich ein neuer Computer zum ersten Mal verbindet, muss er dieselbe anzeigen.</translation>
        </message>
        <message>
            <source>In the commands, {keyfile} stands for the SSH key file the server lets in. ssh asks once whether to trust the server: answer yes only when it shows the host key written here.</source>
            <translation>In den Befehlen steht {keyfile} für die SSH-Schlüsseldatei, die der Server einlässt. ssh fragt einmal, ob dem Server zu trauen ist: Antworten Sie nur mit yes, wenn er den hier notierten Host-Schlüssel zeigt.</translation>
        </message>
        <message>
            <source>The REST server's user name and password are as secret as the password. tsbackup restore and newer restic versions read them from RESTIC_REST_USERNAME and RESTIC_REST_PASSWORD; for an older restic set RESTIC_REPOSITORY=rest:https://USER:PASSWORD@… instead of giving -r. Never put them on a command line.</source>
            <translation>Benutzername und Passwort des REST-Servers sind so geheim wie das Passwort. tsbackup restore und neuere restic-Versionen lesen sie aus RESTIC_REST_USERNAME und RESTIC_REST_PASSWORD; für ein älteres restic setzen Sie RESTIC_REPOSITORY=rest:https://BENUTZER:PASSWORT@… statt -r anzugeben. Schreiben Sie sie nie in eine Befehlszeile.</translation>
        </message>
        <message>
            <source>The easiest way: install tsbackup on the new computer, start it and choose "Restore from an existing backup" in its setup assistant, then "From the off-site backup, with the recovery sheet". It asks for what this sheet says. The commands below do the same in a terminal.</source>
            <translation>Am einfachsten: Installieren Sie tsbackup auf dem neuen Computer, starten Sie es und wählen Sie im Einrichtungsassistenten «Aus einer bestehenden Sicherung wiederherstellen», dann «Aus der Kopie ausser Haus, mit dem Wiederherstellungsblatt». Der Assistent fragt nach den Angaben auf diesem Blatt. Die Befehle unten tun dasselbe in einem Terminal.</translation>
        </message>
        <message>
            <source>Install tsbackup on the new computer and run this command in a terminal, with a new, empty folder instead of {dir}; type the password when it waits for it and press Enter. The data comes back in {dir}/timeSensor DataFiles.</source>
            <translation>Installieren Sie tsbackup auf dem neuen Computer und führen Sie diesen Befehl in einem Terminal aus, mit einem neuen, leeren Ordner anstelle von {dir}; tippen Sie das Passwort ein, wenn er darauf wartet, und drücken Sie die Eingabetaste. Die Daten kommen in {dir}/timeSensor DataFiles zurück.</translation>
        </message>
        <message>
            <source>Without this program, restic (restic.net) lists the snapshots and restores the newest one of this computer into {dir}; it asks for the password or reads it from the environment variable RESTIC_PASSWORD.</source>
            <translation>Ohne dieses Programm listet restic (restic.net) die Snapshots auf und stellt den neuesten dieses Computers in {dir} wieder her; es fragt nach dem Passwort oder liest es aus der Umgebungsvariablen RESTIC_PASSWORD.</translation>
        </message>
        <message>
            <source>The password of the off-site backup at {repo} is not in this computer's password store, so the recovery sheet cannot be written. Run the setup again and give that password with --password-stdin.</source>
            <translation>Das Passwort der Kopie ausser Haus unter {repo} ist nicht im Passwortspeicher dieses Computers, daher kann das Wiederherstellungsblatt nicht erstellt werden. Führen Sie die Einrichtung erneut aus und geben Sie dieses Passwort mit --password-stdin an.</translation>
        </message>
        <message>
            <source>The S3 keys of the off-site backup at {repo} ({missing}) are not in this computer's password store, so the recovery sheet cannot be written. Run the setup again with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY set.</source>
            <translation>Die S3-Schlüssel der Kopie ausser Haus unter {repo} ({missing}) sind nicht im Passwortspeicher dieses Computers, daher kann das Wiederherstellungsblatt nicht erstellt werden. Führen Sie die Einrichtung mit gesetzten AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY erneut aus.</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist, so the recovery sheet cannot be saved as {path}. Name a file in an existing folder.</source>
            <translation>Der Ordner {folder} existiert nicht, daher kann das Wiederherstellungsblatt nicht als {path} gespeichert werden. Geben Sie eine Datei in einem bestehenden Ordner an.</translation>
        </message>
        <message>
            <source>{path} is a folder. Name the file for the recovery sheet, for example {example}.</source>
            <translation>{path} ist ein Ordner. Geben Sie die Datei für das Wiederherstellungsblatt an, zum Beispiel {example}.</translation>
        </message>
        <message>
            <source>The recovery sheet could not be saved as {path} ({reason}). Choose another folder.</source>
            <translation>Das Wiederherstellungsblatt konnte nicht als {path} gespeichert werden ({reason}). Wählen Sie einen anderen Ordner.</translation>
        </message>
        <message>
            <source>The recovery sheet is saved as {path}. It holds the off-site password: print it, keep the printout locked away from this computer and delete the file.</source>
            <translation>Das Wiederherstellungsblatt ist als {path} gespeichert. Es enthält das Passwort der Kopie ausser Haus: Drucken Sie es aus, bewahren Sie den Ausdruck getrennt von diesem Computer unter Verschluss auf und löschen Sie die Datei.</translation>
        </message>
        <message>
            <source>The status keeps warning until you confirm that the printout is stored safely: run the command again with --confirm.</source>
            <translation>Der Status warnt, bis Sie bestätigen, dass der Ausdruck sicher aufbewahrt ist: Führen Sie den Befehl erneut mit --confirm aus.</translation>
        </message>
        <message>
            <source>The recovery sheet is saved as {path}. Print it and keep it with your emergency documents.</source>
            <translation>Das Wiederherstellungsblatt ist als {path} gespeichert. Drucken Sie es aus und bewahren Sie es bei Ihren Notfallunterlagen auf.</translation>
        </message>
        <message>
            <source>Recorded on {date} that the recovery sheet is stored safely.</source>
            <translation>Am {date} vermerkt, dass das Wiederherstellungsblatt sicher aufbewahrt ist.</translation>
        </message>
        <message>
            <source>Recommended: an external drive that can be kept apart from this computer.</source>
            <extracomment>File systems that can hard-link (unchanged files of a generation cost no space). File systems that cannot (every generation is a full copy); FAT also stops at 4 GB per file. Network file systems: shown as shares; whether they link depends on the server, so we count full copies. Mount places that are the system's own business, never a backup drive.</extracomment>
            <translation>Empfohlen: ein externes Laufwerk, das getrennt von diesem Computer aufbewahrt werden kann.</translation>
        </message>
        <message>
            <source>Recommended: a network share on another device (a NAS).</source>
            <translation>Empfohlen: eine Netzfreigabe auf einem anderen Gerät (einem NAS).</translation>
        </message>
        <message>
            <source>Possible: another disk inside this computer. It survives a failure of the data's disk, but not a fire or a theft of the computer.</source>
            <translation>Möglich: eine weitere Festplatte in diesem Computer. Sie übersteht einen Ausfall der Festplatte mit den Daten, aber kein Feuer und keinen Diebstahl des Computers.</translation>
        </message>
        <message>
            <source>Not suitable: the timeSensor data is on this disk, so a failure of this disk would destroy the data and its backups together.</source>
            <translation>Ungeeignet: Die timeSensor-Daten liegen auf dieser Festplatte; ein Ausfall dieser Festplatte würde die Daten und ihre Sicherungen zusammen zerstören.</translation>
        </message>
        <message>
            <source>Too small: only {free} are free, and the backups need about {needed}.</source>
            <translation>Zu klein: Nur {free} sind frei, und die Sicherungen brauchen etwa {needed}.</translation>
        </message>
        <message>
            <source>Its file system ({fs}) cannot share unchanged files between backups, so every backup is a full copy.</source>
            <translation>Sein Dateisystem ({fs}) kann unveränderte Dateien nicht zwischen Sicherungen teilen; jede Sicherung ist deshalb eine vollständige Kopie.</translation>
        </message>
        <message>
            <source>On a network share, every backup may be a full copy; the estimate counts it so.</source>
            <translation>Auf einer Netzfreigabe kann jede Sicherung eine vollständige Kopie sein; die Schätzung rechnet so.</translation>
        </message>
        <message>
            <source>FAT cannot store files larger than 4 GB; a drive formatted as exFAT, NTFS or APFS is better.</source>
            <translation>FAT kann keine Dateien über 4 GB speichern; ein Laufwerk mit exFAT, NTFS oder APFS ist besser.</translation>
        </message>
        <message>
            <source>The data folder holds {files} files, {size} in all.</source>
            <translation>Der Datenordner enthält {files} Dateien, insgesamt {size}.</translation>
        </message>
        <message>
            <source>Keeping up to {generations} backups needs about {needed}; {free} are free there. That is enough.</source>
            <translation>Bis zu {generations} Sicherungen aufzubewahren braucht etwa {needed}; dort sind {free} frei. Das genügt.</translation>
        </message>
        <message>
            <source>Every backup is a full copy there, so keeping up to {generations} backups needs about {needed}; {free} are free. That is enough.</source>
            <translation>Dort ist jede Sicherung eine vollständige Kopie; bis zu {generations} Sicherungen aufzubewahren braucht deshalb etwa {needed}; {free} sind frei. Das genügt.</translation>
        </message>
        <message>
            <source>Keeping up to {generations} backups needs about {needed}, but only {free} are free there. Choose a bigger drive or keep fewer backups.</source>
            <translation>Bis zu {generations} Sicherungen aufzubewahren braucht etwa {needed}, dort sind aber nur {free} frei. Wählen Sie ein grösseres Laufwerk oder bewahren Sie weniger Sicherungen auf.</translation>
        </message>
        <message>
            <source>Keeping up to {generations} backups needs about {needed}; the free space there could not be read.</source>
            <translation>Bis zu {generations} Sicherungen aufzubewahren braucht etwa {needed}; der freie Platz dort liess sich nicht ermitteln.</translation>
        </message>
        <message>
            <source>No backups made by this program were found in {path}. Choose the backup drive, its folder 'timeSensor Backups', or one dated backup folder in it.</source>
            <translation>In {path} wurden keine Sicherungen dieses Programms gefunden. Wählen Sie das Sicherungslaufwerk, seinen Ordner «timeSensor Backups» oder einen datierten Sicherungsordner darin.</translation>
        </message>
        <message>
            <source>{path} holds the backups of several computers ({names}). Choose the folder of the computer to restore.</source>
            <translation>{path} enthält die Sicherungen mehrerer Computer ({names}). Wählen Sie den Ordner des Computers, der wiederhergestellt werden soll.</translation>
        </message>
        <message>
            <source>The backup {generation} of {computer}, made on {when}, will be restored.</source>
            <translation>Die Sicherung {generation} von {computer}, erstellt am {when}, wird wiederhergestellt.</translation>
        </message>
        <message>
            <source>This Mac runs timeSensor LEGAL for one user.</source>
            <translation>Auf diesem Mac läuft timeSensor LEGAL für einen Benutzer.</translation>
        </message>
        <message>
            <source>This computer runs timeSensor LEGAL for one user.</source>
            <translation>Auf diesem Computer läuft timeSensor LEGAL für einen Benutzer.</translation>
        </message>
        <message>
            <source>This computer is the timeSensor server.</source>
            <translation>Dieser Computer ist der timeSensor-Server.</translation>
        </message>
        <message>
            <source>This is a workstation: install the assistant on the server.</source>
            <translation>Dies ist ein Arbeitsplatz: Installieren Sie den Assistenten auf dem Server.</translation>
        </message>
        <message>
            <source>timeSensor LEGAL was not found on this computer.</source>
            <translation>timeSensor LEGAL wurde auf diesem Computer nicht gefunden.</translation>
        </message>
        <message>
            <source>You chose the data folder yourself.</source>
            <translation>Sie haben den Datenordner selbst gewählt.</translation>
        </message>
        <message>
            <source>Only the timeSensor LEGAL client is installed here; the firm's data is kept on the server. Install this assistant on the server (the computer where timeSensor Server runs) and set up the backup there. Nothing was changed on this computer.</source>
            <translation>Hier ist nur der timeSensor-LEGAL-Client installiert; die Daten der Kanzlei liegen auf dem Server. Installieren Sie diesen Assistenten auf dem Server (dem Computer, auf dem timeSensor Server läuft) und richten Sie die Sicherung dort ein. Auf diesem Computer wurde nichts verändert.</translation>
        </message>
        <message>
            <source>If timeSensor LEGAL is installed, choose its folder 'timeSensor DataFiles' with "Choose another folder…".</source>
            <translation>Falls timeSensor LEGAL installiert ist, wählen Sie seinen Ordner «timeSensor DataFiles» mit «Anderen Ordner wählen …».</translation>
        </message>
        <message>
            <source>The folder {path} does not exist. Choose the folder 'timeSensor DataFiles' of your installation.</source>
            <translation>Der Ordner {path} existiert nicht. Wählen Sie den Ordner «timeSensor DataFiles» Ihrer Installation.</translation>
        </message>
        <message>
            <source>{path} is a file, not a folder. Choose the folder 'timeSensor DataFiles' of your installation.</source>
            <translation>{path} ist eine Datei, kein Ordner. Wählen Sie den Ordner «timeSensor DataFiles» Ihrer Installation.</translation>
        </message>
        <message>
            <source>4D's own backup ran less than an hour ago.</source>
            <translation>Die eigene Sicherung von 4D lief vor weniger als einer Stunde.</translation>
        </message>
        <message>
            <source>4D's own backup ran an hour ago.</source>
            <translation>Die eigene Sicherung von 4D lief vor einer Stunde.</translation>
        </message>
        <message>
            <source>4D's own backup ran {hours} hours ago.</source>
            <translation>Die eigene Sicherung von 4D lief vor {hours} Stunden.</translation>
        </message>
        <message>
            <source>4D's own backup has not run for {hours} hours — ask your IT partner.</source>
            <translation>Die eigene Sicherung von 4D ist seit {hours} Stunden nicht gelaufen – fragen Sie Ihren IT-Partner.</translation>
        </message>
        <message>
            <source>4D's own backup has not run for {days} days — ask your IT partner.</source>
            <translation>Die eigene Sicherung von 4D ist seit {days} Tagen nicht gelaufen – fragen Sie Ihren IT-Partner.</translation>
        </message>
        <message>
            <source>4D's newest backup is not complete — ask your IT partner.</source>
            <translation>Die neueste Sicherung von 4D ist nicht vollständig – fragen Sie Ihren IT-Partner.</translation>
        </message>
        <message>
            <source>No backup made by 4D itself was found — ask your IT partner to switch on the automatic backup of timeSensor Server.</source>
            <translation>Es wurde keine von 4D selbst erstellte Sicherung gefunden – bitten Sie Ihren IT-Partner, die automatische Sicherung von timeSensor Server einzuschalten.</translation>
        </message>
        <message>
            <source>The backup starts at this time as soon as timeSensor LEGAL is closed.</source>
            <translation>Die Sicherung startet zu dieser Zeit, sobald timeSensor LEGAL geschlossen ist.</translation>
        </message>
        <message>
            <source>4D's own backup runs at {fourd}; this backup starts an hour later, at {time}, and copies it.</source>
            <translation>Die eigene Sicherung von 4D läuft um {fourd}; diese Sicherung startet eine Stunde später, um {time}, und kopiert sie.</translation>
        </message>
        <message>
            <source>The time of 4D's own backup is not known; {time} is a quiet time at night.</source>
            <translation>Die Zeit der eigenen Sicherung von 4D ist nicht bekannt; {time} ist eine ruhige Zeit in der Nacht.</translation>
        </message>
        <message>
            <source>The SFTP server's identity (host key {fingerprint}) is confirmed for this computer; compare it with the one your IT partner tells you.</source>
            <translation>Die Identität des SFTP-Servers (Host-Schlüssel {fingerprint}) ist für diesen Computer bestätigt; vergleichen Sie sie mit der, die Ihnen Ihr IT-Partner nennt.</translation>
        </message>
        <message>
            <source>The SFTP server shows another identity than at the last setup; its new host key {fingerprint} is confirmed now. Make sure your IT partner really changed it.</source>
            <translation>Der SFTP-Server zeigt eine andere Identität als bei der letzten Einrichtung; sein neuer Host-Schlüssel {fingerprint} ist jetzt bestätigt. Vergewissern Sie sich, dass Ihr IT-Partner ihn wirklich geändert hat.</translation>
        </message>
        <message>
            <source>--append-only belongs to a REST server (rest:…), not to '{value}'.</source>
            <translation>--append-only gehört zu einem REST-Server (rest:…), nicht zu '{value}'.</translation>
        </message>
        <message>
            <source>The REST server is append-only: this program never deletes old snapshots there; whoever runs the server keeps their number in check.</source>
            <translation>Der REST-Server nimmt nur neue Daten an (append-only): Dieses Programm löscht dort nie alte Snapshots; wer den Server betreibt, hält deren Anzahl im Griff.</translation>
        </message>
        <message>
            <source>The off-site backup lies in the SFTP login's home folder, at {path} inside it. For a path from the server's root, write two slashes after the server: sftp://{host}//{path}</source>
            <translation>Die Kopie ausser Haus liegt im Benutzerordner des SFTP-Zugangs, darin unter {path}. Für einen Pfad ab dem Stamm des Servers schreiben Sie zwei Schrägstriche nach dem Server: sftp://{host}//{path}</translation>
        </message>
        <message>
            <source>The S3 storage {endpoint} is reached without encryption (http://): the backup itself is encrypted, but the access keys travel readable. Use https:// unless the server stands in the firm's own network.</source>
            <translation>Der S3-Speicher {endpoint} wird ohne Verschlüsselung erreicht (http://): Die Sicherung selbst ist verschlüsselt, aber die Zugangsschlüssel sind unterwegs lesbar. Verwenden Sie https://, ausser der Server steht im eigenen Netz der Kanzlei.</translation>
        </message>
        <message>
            <source>--s3-keys-stdin belongs to S3 storage (s3:…), not to '{value}'.</source>
            <translation>--s3-keys-stdin gehört zu einem S3-Speicher (s3:…), nicht zu '{value}'.</translation>
        </message>
        <message>
            <source>No off-site target was given. Give a folder, sftp://…, s3:…, rest:… or external:DESCRIPTION.</source>
            <extracomment>Keyring names of the backend secrets, per kind (the repository password is `secondary.PASSWORD_SECRET`).</extracomment>
            <translation>Es wurde kein Ziel für die Kopie ausser Haus angegeben. Geben Sie einen Ordner, sftp://…, s3:…, rest:… oder external:BESCHREIBUNG an.</translation>
        </message>
        <message>
            <source>Off-site targets of the kind '{kind}' are not supported. Give a folder, sftp://…, s3:…, rest:… or external:DESCRIPTION.</source>
            <translation>Ziele der Art '{kind}' werden für die Kopie ausser Haus nicht unterstützt. Geben Sie einen Ordner, sftp://…, s3:…, rest:… oder external:BESCHREIBUNG an.</translation>
        </message>
        <message>
            <source>{repo} is the top folder of a drive or network share. Use a subfolder on it for the off-site backup, for example {example}: while the share is not connected, its empty top folder looks like an empty backup folder.</source>
            <translation>{repo} ist der oberste Ordner eines Laufwerks oder einer Netzwerkfreigabe. Verwenden Sie für die Kopie ausser Haus einen Unterordner darin, zum Beispiel {example}: Solange die Freigabe nicht verbunden ist, sieht ihr leerer oberster Ordner wie ein leerer Sicherungsordner aus.</translation>
        </message>
        <message>
            <source>{repo} is the top folder of a drive or network share. Use the subfolder {example} for the off-site backup instead?</source>
            <translation>{repo} ist der oberste Ordner eines Laufwerks oder einer Netzwerkfreigabe. Stattdessen den Unterordner {example} für die Kopie ausser Haus verwenden?</translation>
        </message>
        <message>
            <source>--ssh-key belongs to an SFTP server (sftp://…), not to '{value}'.</source>
            <extracomment>The subfolder suggested when the top of a drive or share was chosen.</extracomment>
            <translation>--ssh-key gehört zu einem SFTP-Server (sftp://…), nicht zu '{value}'.</translation>
        </message>
        <message>
            <source>'{value}' is not a REST server address. Write it as rest:https://server:port/path (or rest:http://… inside the firm's network).</source>
            <translation>'{value}' ist keine REST-Server-Adresse. Schreiben Sie sie als rest:https://server:port/pfad (oder rest:http://… innerhalb des Kanzleinetzes).</translation>
        </message>
        <message>
            <source>Do not write the REST server's user name and password into the address: anyone on this computer can read a command line. Set RESTIC_REST_USERNAME and RESTIC_REST_PASSWORD instead; nothing was changed.</source>
            <translation>Schreiben Sie Benutzername und Passwort des REST-Servers nicht in die Adresse: Jede Person an diesem Computer kann eine Befehlszeile lesen. Setzen Sie stattdessen RESTIC_REST_USERNAME und RESTIC_REST_PASSWORD; es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>Only one of RESTIC_REST_USERNAME and RESTIC_REST_PASSWORD is set. Set both for a server with a login, or neither for one without.</source>
            <translation>Nur eine von RESTIC_REST_USERNAME und RESTIC_REST_PASSWORD ist gesetzt. Setzen Sie beide für einen Server mit Anmeldung oder keine für einen ohne.</translation>
        </message>
        <message>
            <source>'{value}' is not an S3 address. Write it as s3:https://endpoint/bucket or s3:https://endpoint/bucket/folder.</source>
            <extracomment>keyring name → the variable restic reads</extracomment>
            <translation>'{value}' ist keine S3-Adresse. Schreiben Sie sie als s3:https://endpunkt/bucket oder s3:https://endpunkt/bucket/ordner.</translation>
        </message>
        <message>
            <source>'{bucket}' is not a valid bucket name: use 3 to 63 lowercase letters, digits, dots and dashes, starting and ending with a letter or digit.</source>
            <translation>'{bucket}' ist kein gültiger Bucket-Name: Verwenden Sie 3 bis 63 Kleinbuchstaben, Ziffern, Punkte und Bindestriche, beginnend und endend mit einem Buchstaben oder einer Ziffer.</translation>
        </message>
        <message>
            <source>S3 storage needs its access key and secret key: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY when you run the setup, or pass them on two lines with --s3-keys-stdin.</source>
            <translation>Ein S3-Speicher braucht seine Zugriffsschlüssel-ID und seinen geheimen Schlüssel: Setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY, wenn Sie die Einrichtung ausführen, oder geben Sie sie mit --s3-keys-stdin auf zwei Zeilen ein.</translation>
        </message>
        <message>
            <source>Do not write keys or passwords into the address: anyone on this computer can read a command line. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead; nothing was changed.</source>
            <translation>Schreiben Sie keine Schlüssel oder Passwörter in die Adresse: Jede Person an diesem Computer kann eine Befehlszeile lesen. Setzen Sie stattdessen AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY; es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>'{value}' is not an SFTP address. Write it as sftp://user@server:port//absolute/path or sftp:user@server:/path.</source>
            <translation>'{value}' ist keine SFTP-Adresse. Schreiben Sie sie als sftp://benutzer@server:port//absoluter/pfad oder sftp:benutzer@server:/pfad.</translation>
        </message>
        <message>
            <source>'{value}' is not a port number. Give a number between 1 and 65535.</source>
            <translation>'{value}' ist keine Portnummer. Geben Sie eine Zahl zwischen 1 und 65535 an.</translation>
        </message>
        <message>
            <source>An SFTP server is reached with an SSH key, not a password: remove the password from the address and give the key with --ssh-key FILE; nothing was changed.</source>
            <translation>Ein SFTP-Server wird mit einem SSH-Schlüssel erreicht, nicht mit einem Passwort: Entfernen Sie das Passwort aus der Adresse und geben Sie den Schlüssel mit --ssh-key DATEI an; es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>An SFTP server is reached with an SSH key: give the private key file with --ssh-key FILE (passwords are not supported).</source>
            <translation>Ein SFTP-Server wird mit einem SSH-Schlüssel erreicht: Geben Sie die Datei mit dem privaten Schlüssel mit --ssh-key DATEI an (Passwörter werden nicht unterstützt).</translation>
        </message>
        <message>
            <source>The SSH key file {path} does not exist. Give the private key file with --ssh-key.</source>
            <translation>Die SSH-Schlüsseldatei {path} existiert nicht. Geben Sie die Datei mit dem privaten Schlüssel mit --ssh-key an.</translation>
        </message>
        <message>
            <source>{path} is not a private SSH key. Give the private key file (the one without .pub) with --ssh-key.</source>
            <translation>{path} ist kein privater SSH-Schlüssel. Geben Sie die Datei mit dem privaten Schlüssel (die ohne .pub) mit --ssh-key an.</translation>
        </message>
        <message>
            <source>The SSH key {path} is protected by a passphrase. Set the environment variable TSBACKUP_SSH_PASSPHRASE to it when you run the setup, or use a key without a passphrase.</source>
            <translation>Der SSH-Schlüssel {path} ist mit einer Passphrase geschützt. Setzen Sie die Umgebungsvariable TSBACKUP_SSH_PASSPHRASE darauf, wenn Sie die Einrichtung ausführen, oder verwenden Sie einen Schlüssel ohne Passphrase.</translation>
        </message>
        <message>
            <source>The passphrase does not unlock the SSH key {path}. Check it and run the setup again.</source>
            <translation>Die Passphrase entsperrt den SSH-Schlüssel {path} nicht. Prüfen Sie sie und führen Sie die Einrichtung erneut aus.</translation>
        </message>
        <message>
            <source>There is already a file at {path}; a new SSH key was not made there.</source>
            <translation>Unter {path} liegt bereits eine Datei; dort wurde kein neuer SSH-Schlüssel erstellt.</translation>
        </message>
        <message>
            <source>The SSH key could not be made at {path} ({detail}).</source>
            <translation>Der SSH-Schlüssel konnte unter {path} nicht erstellt werden ({detail}).</translation>
        </message>
        <message>
            <source>The program {program} (OpenSSH) was not found, and it is needed for an SFTP off-site backup. Install the OpenSSH client and try again.</source>
            <translation>Das Programm {program} (OpenSSH) wurde nicht gefunden; es wird für eine Kopie ausser Haus per SFTP benötigt. Installieren Sie den OpenSSH-Client und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The path {path} contains a double quote, which the SSH connection cannot pass on. Use another folder.</source>
            <translation>Der Pfad {path} enthält ein doppeltes Anführungszeichen, das die SSH-Verbindung nicht weitergeben kann. Verwenden Sie einen anderen Ordner.</translation>
        </message>
        <message>
            <source>The backup was cancelled. Nothing was changed; the previous backups are untouched.</source>
            <extracomment>Exit code of a cancelled run, as for Ctrl-C in the command (128 + SIGINT).</extracomment>
            <translation>Die Sicherung wurde abgebrochen. Es wurde nichts verändert; die bisherigen Sicherungen sind unberührt.</translation>
        </message>
        <message>
            <source>The scheduled task ran as {user} at {when} and can read the settings and the password store.</source>
            <translation>Die geplante Aufgabe lief als {user} um {when} und kann die Einstellungen und den Passwortspeicher lesen.</translation>
        </message>
        <message>
            <source>The scheduled task has not run since {since}. Check it in the system's task scheduler and run it once by hand.</source>
            <translation>Die geplante Aufgabe ist seit {since} nicht gelaufen. Prüfen Sie sie in der Aufgabenplanung des Systems und starten Sie sie einmal von Hand.</translation>
        </message>
        <message>
            <source>The scheduled task ran as {user} but cannot read the backup settings. Register it for the same user who set up the backup.</source>
            <translation>Die geplante Aufgabe lief als {user}, kann aber die Sicherungseinstellungen nicht lesen. Richten Sie sie für denselben Benutzer ein, der die Datensicherung eingerichtet hat.</translation>
        </message>
        <message>
            <source>The scheduled task ran as {user} but cannot read the off-site password from the password store. Register the task with the user's password ("run whether the user is logged on or not") or unlock the store for it.</source>
            <translation>Die geplante Aufgabe lief als {user}, kann aber das Passwort der Kopie ausser Haus nicht aus dem Passwortspeicher lesen. Richten Sie die Aufgabe mit dem Passwort des Benutzers ein («unabhängig von der Benutzeranmeldung ausführen») oder entsperren Sie den Speicher dafür.</translation>
        </message>
        <message>
            <source>The scheduled task has never run on this computer.</source>
            <translation>Die geplante Aufgabe ist auf diesem Computer noch nie gelaufen.</translation>
        </message>
        <message>
            <source>Say which folder: tsbackup drives {action} DIR.</source>
            <translation>Geben Sie den Ordner an: tsbackup drives {action} ORDNER.</translation>
        </message>
        <message>
            <source>Give the drive a name with --label, for example --label "Drive B".</source>
            <translation>Geben Sie dem Laufwerk mit --label einen Namen, zum Beispiel --label "Laufwerk B".</translation>
        </message>
        <message>
            <source>No new password was given on standard input. Pipe it in, for example: tsbackup password --new-password-stdin &lt; file.</source>
            <translation>Auf der Standardeingabe wurde kein neues Passwort übergeben. Leiten Sie es weiter, zum Beispiel: tsbackup password --new-password-stdin &lt; datei.</translation>
        </message>
        <message>
            <source>Give the new password on standard input with --new-password-stdin; it is never taken from the command line.</source>
            <translation>Übergeben Sie das neue Passwort mit --new-password-stdin auf der Standardeingabe; von der Befehlszeile wird es nie übernommen.</translation>
        </message>
        <message>
            <source>The file {path} already exists and was left as it is. Give a new file name.</source>
            <translation>Die Datei {path} existiert bereits und wurde nicht verändert. Geben Sie einen neuen Dateinamen an.</translation>
        </message>
        <message>
            <source>The diagnostics file {path} cannot be written ({reason}). Check that the folder exists and is writable.</source>
            <translation>Die Diagnosedatei {path} kann nicht geschrieben werden ({reason}). Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
        </message>
        <message>
            <source>The diagnostics file {path} was written. It holds no passwords; send it to your IT partner.</source>
            <translation>Die Diagnosedatei {path} wurde geschrieben. Sie enthält keine Passwörter; senden Sie sie Ihrem IT-Partner.</translation>
        </message>
        <message>
            <source>This removes the backup settings, the stored passwords and the scheduled task of this computer, but no backups; repeat with --yes to do it.</source>
            <translation>Dies entfernt die Sicherungseinstellungen, die gespeicherten Passwörter und die geplante Aufgabe dieses Computers, aber keine Sicherungen; wiederholen Sie den Befehl mit --yes, um es auszuführen.</translation>
        </message>
        <message>
            <source>This setup was forgotten: the settings and stored passwords were removed. The backups were not touched.</source>
            <translation>Diese Einrichtung wurde entfernt: Die Einstellungen und gespeicherten Passwörter sind gelöscht. Die Sicherungen wurden nicht angetastet.</translation>
        </message>
        <message>
            <source>There is no backup setup on this computer. Nothing was removed.</source>
            <translation>Auf diesem Computer ist keine Sicherung eingerichtet. Es wurde nichts entfernt.</translation>
        </message>
        <message>
            <source>The backups remain on the backup drive in {path}.</source>
            <translation>Die Sicherungen bleiben auf dem Sicherungslaufwerk in {path}.</translation>
        </message>
        <message>
            <source>The off-site backups remain at {repo}; the recovery sheet holds their password.</source>
            <translation>Die Kopien ausser Haus bleiben unter {repo}; ihr Passwort steht auf dem Wiederherstellungsblatt.</translation>
        </message>
        <message>
            <source>The record of past backups was kept as {path}.</source>
            <translation>Das Protokoll der bisherigen Sicherungen wurde als {path} aufbewahrt.</translation>
        </message>
        <message>
            <source>The scheduled task was removed.</source>
            <translation>Die geplante Aufgabe wurde entfernt.</translation>
        </message>
        <message>
            <source>The program no longer starts at login.</source>
            <translation>Das Programm startet nicht mehr bei der Anmeldung.</translation>
        </message>
        <message>
            <source>The password of the off-site backups is stored only on this computer and the recovery sheet was never confirmed, so forgetting now would make the off-site backups unreadable. Print the recovery sheet first with tsbackup recovery-sheet --to FILE.pdf, or add --i-have-the-password.</source>
            <translation>Das Passwort der Kopien ausser Haus ist nur auf diesem Computer gespeichert, und das Wiederherstellungsblatt wurde nie bestätigt. Wenn Sie die Einrichtung jetzt entfernen, wären die Kopien ausser Haus nicht mehr lesbar. Drucken Sie zuerst das Wiederherstellungsblatt mit tsbackup recovery-sheet --to DATEI.pdf aus oder ergänzen Sie --i-have-the-password.</translation>
        </message>
        <message>
            <source>Not everything could be removed: {reason}</source>
            <extracomment>What the memory of this setup's reports and notifications is kept in: it belongs to the forgotten setup (a new setup's history numbers its attempts from 1 again).</extracomment>
            <translation>Nicht alles konnte entfernt werden: {reason}</translation>
        </message>
        <message>
            <source>There is no off-site backup set up, so there is no off-site password to change.</source>
            <extracomment>Setup generates 43-character passwords and takes a typed one as it is; a new password typed here must at least not be guessable in an afternoon.</extracomment>
            <translation>Es ist keine Kopie ausser Haus eingerichtet, daher gibt es kein Passwort der Kopie ausser Haus zu ändern.</translation>
        </message>
        <message>
            <source>The off-site copy is made outside this program, so its password is changed there, not here.</source>
            <translation>Die Kopie ausser Haus wird ausserhalb dieses Programms erstellt; ihr Passwort wird deshalb dort geändert, nicht hier.</translation>
        </message>
        <message>
            <source>The off-site server only allows adding data (append-only), so the old password cannot be removed from it; ask the server's administrator to change the password.</source>
            <translation>Der externe Server erlaubt nur das Hinzufügen von Daten (append-only), daher kann das alte Passwort dort nicht entfernt werden; bitten Sie die Administration des Servers, das Passwort zu ändern.</translation>
        </message>
        <message>
            <source>The new password is too short. Use at least {minimum} characters.</source>
            <translation>Das neue Passwort ist zu kurz. Verwenden Sie mindestens {minimum} Zeichen.</translation>
        </message>
        <message>
            <source>The new password cannot start or end with a space or contain a line break. Choose another one.</source>
            <translation>Das neue Passwort darf nicht mit einem Leerzeichen beginnen oder enden und keinen Zeilenumbruch enthalten. Wählen Sie ein anderes.</translation>
        </message>
        <message>
            <source>The new password is the same as the current one. Nothing was changed.</source>
            <translation>Das neue Passwort ist dasselbe wie das bisherige. Es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>The off-site password was not changed ({reason}). The old password still works and is still stored.</source>
            <translation>Das Passwort der Kopie ausser Haus wurde nicht geändert ({reason}). Das alte Passwort funktioniert weiterhin und bleibt gespeichert.</translation>
        </message>
        <message>
            <source>The off-site password was changed. Print the new recovery sheet (tsbackup recovery-sheet --to FILE.pdf), store it safely and destroy the old one.</source>
            <translation>Das Passwort der Kopie ausser Haus wurde geändert. Drucken Sie das neue Wiederherstellungsblatt (tsbackup recovery-sheet --to DATEI.pdf), bewahren Sie es sicher auf und vernichten Sie das alte.</translation>
        </message>
        <message>
            <source>the off-site backup did not show the new key as expected</source>
            <translation>die Kopie ausser Haus zeigte den neuen Schlüssel nicht wie erwartet</translation>
        </message>
        <message>
            <source>Backups can be paused for 1 to 30 days, not {days}. Give a number of days in that range.</source>
            <extracomment>An end further ahead than this was set while the clock was wrong: it is not a pause.</extracomment>
            <translation>Die Sicherungen können für 1 bis 30 Tage pausiert werden, nicht für {days}. Geben Sie eine Anzahl Tage in diesem Bereich an.</translation>
        </message>
        <message>
            <source>Backups are paused until {day}. They resume by themselves; 'Back up now' still works.</source>
            <translation>Die Sicherungen sind bis {day} pausiert. Sie laufen danach von selbst wieder; «Jetzt sichern» funktioniert weiterhin.</translation>
        </message>
        <message>
            <source>Backups are no longer paused. The next backup runs at the usual time.</source>
            <translation>Die Sicherungen sind nicht mehr pausiert. Die nächste Sicherung läuft zur gewohnten Zeit.</translation>
        </message>
        <message>
            <source>Backups were not paused. Nothing was changed.</source>
            <translation>Die Sicherungen waren nicht pausiert. Es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>Backups are paused until {day}. They resume by themselves.</source>
            <extracomment>The status headline while paused (and its reason code).</extracomment>
            <translation>Die Sicherungen sind bis {day} pausiert. Sie laufen danach von selbst wieder.</translation>
        </message>
        <message>
            <source>{computer}: backups are paused until {day}</source>
            <extracomment>The subject of the note to the IT partner when a pause starts.</extracomment>
            <translation>{computer}: Sicherungen sind bis {day} pausiert</translation>
        </message>
        <message>
            <source>No backup was made: backups are paused until {day}.</source>
            <extracomment>The reason of a scheduled run that skipped its slot because of the pause.</extracomment>
            <translation>Es wurde keine Sicherung erstellt: Die Sicherungen sind bis {day} pausiert.</translation>
        </message>
        <message>
            <source>{computer}: {status}</source>
            <translation>{computer}: {status}</translation>
        </message>
        <message>
            <source>Monthly backup summary for {computer}: {status}</source>
            <translation>Monatliche Übersicht der Sicherungen auf {computer}: {status}</translation>
        </message>
        <message>
            <source>Test e-mail from the backup on {computer}</source>
            <translation>Test-E-Mail der Sicherung auf {computer}</translation>
        </message>
        <message>
            <source>A backup on {computer} did not succeed. Please look after it today.</source>
            <translation>Eine Sicherung auf {computer} ist nicht gelungen. Bitte kümmern Sie sich heute darum.</translation>
        </message>
        <message>
            <source>The backups on {computer} are overdue. Please look after them today.</source>
            <translation>Die Sicherungen auf {computer} sind überfällig. Bitte kümmern Sie sich heute darum.</translation>
        </message>
        <message>
            <source>This is the monthly summary of the backups on {computer}.</source>
            <translation>Dies ist die monatliche Übersicht der Sicherungen auf {computer}.</translation>
        </message>
        <message>
            <source>This is a test e-mail from the backup assistant on {computer}. Reports about failed or overdue backups and the monthly summary will arrive like this one.</source>
            <translation>Dies ist eine Test-E-Mail des Sicherungsassistenten auf {computer}. Meldungen über fehlgeschlagene oder überfällige Sicherungen und die monatliche Übersicht kommen auf demselben Weg an.</translation>
        </message>
        <message>
            <source>Status: {status}</source>
            <translation>Status: {status}</translation>
        </message>
        <message>
            <source>What went wrong:</source>
            <translation>Was schiefging:</translation>
        </message>
        <message>
            <source>Details:</source>
            <translation>Einzelheiten:</translation>
        </message>
        <message>
            <source>Last successful backup: {when}</source>
            <translation>Letzte erfolgreiche Sicherung: {when}</translation>
        </message>
        <message>
            <source>There has been no successful backup yet.</source>
            <translation>Es gibt noch keine erfolgreiche Sicherung.</translation>
        </message>
        <message>
            <source>Next backup due: {when}</source>
            <translation>Nächste Sicherung fällig: {when}</translation>
        </message>
        <message>
            <source>A backup is due now: the one planned for {when} did not run.</source>
            <translation>Eine Sicherung ist jetzt fällig: Die für {when} geplante ist nicht gelaufen.</translation>
        </message>
        <message>
            <source>Computer: {computer}</source>
            <translation>Computer: {computer}</translation>
        </message>
        <message>
            <source>tsbackup version: {version}</source>
            <translation>tsbackup-Version: {version}</translation>
        </message>
        <message>
            <source>This e-mail was sent by the backup assistant tsbackup to: {recipients}.</source>
            <translation>Diese E-Mail hat der Sicherungsassistent tsbackup gesendet an: {recipients}.</translation>
        </message>
        <message>
            <source>– {text}</source>
            <translation>– {text}</translation>
        </message>
        <message>
            <source>Backups on the backup drive: {count}, the oldest from {oldest}, the newest from {newest}.</source>
            <translation>Sicherungen auf dem Sicherungslaufwerk: {count}, die älteste vom {oldest}, die neueste vom {newest}.</translation>
        </message>
        <message>
            <source>No backups of this computer were found on the backup drive (is it connected?).</source>
            <translation>Auf dem Sicherungslaufwerk wurden keine Sicherungen dieses Computers gefunden (ist es angeschlossen?).</translation>
        </message>
        <message>
            <source>The newest backup holds {files} files ({size}); free space on the backup drive: {free}.</source>
            <translation>Die neueste Sicherung enthält {files} Dateien ({size}); freier Platz auf dem Sicherungslaufwerk: {free}.</translation>
        </message>
        <message>
            <source>Backups in the last 30 days: {ok} successful, {warned} with warnings, {failed} failed.</source>
            <translation>Sicherungen der letzten 30 Tage: {ok} erfolgreich, {warned} mit Warnungen, {failed} fehlgeschlagen.</translation>
        </message>
        <message>
            <source>Monthly checks done in the last 30 days: {count}; the last successful one: {when}.</source>
            <translation>Monatliche Prüfungen der letzten 30 Tage: {count}; die letzte erfolgreiche: {when}.</translation>
        </message>
        <message>
            <source>Monthly checks done in the last 30 days: {count}; none has succeeded yet.</source>
            <translation>Monatliche Prüfungen der letzten 30 Tage: {count}; noch keine ist gelungen.</translation>
        </message>
        <message>
            <source>Newest off-site copy: {when}.</source>
            <translation>Neueste Kopie ausser Haus: {when}.</translation>
        </message>
        <message>
            <source>No off-site copy is set up.</source>
            <translation>Es ist keine Kopie ausser Haus eingerichtet.</translation>
        </message>
        <message>
            <source>The yearly restore drill is due on {when}.</source>
            <translation>Die jährliche Wiederherstellungsprobe ist am {when} fällig.</translation>
        </message>
        <message>
            <source>The yearly restore drill is overdue (it was due on {when}).</source>
            <translation>Die jährliche Wiederherstellungsprobe ist überfällig (sie war am {when} fällig).</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unbekannt</translation>
        </message>
        <message>
            <source>The last report e-mail could not be sent: {reason}. Check the mail settings (tsbackup setup --test-only).</source>
            <translation>Die letzte Meldungs-E-Mail konnte nicht gesendet werden: {reason}. Prüfen Sie die E-Mail-Einstellungen (tsbackup setup --test-only).</translation>
        </message>
        <message>
            <source>The last monitoring ping could not be sent: {reason}. Check the ping address (tsbackup setup --test-only).</source>
            <translation>Der letzte Überwachungs-Ping konnte nicht gesendet werden: {reason}. Prüfen Sie die Ping-Adresse (tsbackup setup --test-only).</translation>
        </message>
        <message>
            <source>No off-site backup that this program can read is set up.</source>
            <translation>Es ist keine Kopie ausser Haus eingerichtet, die dieses Programm lesen kann.</translation>
        </message>
        <message>
            <source>The off-site backup holds no snapshot of this computer yet.</source>
            <translation>Die Kopie ausser Haus enthält noch keinen Snapshot dieses Computers.</translation>
        </message>
        <message>
            <source>Ask everyone to close timeSensor LEGAL, then quit timeSensor Server on this server.</source>
            <translation>Bitten Sie alle, timeSensor LEGAL zu schliessen, und beenden Sie dann timeSensor Server auf diesem Server.</translation>
        </message>
        <message>
            <source>Rename the current data folder {live} to '{aside}' so that it is kept. Do not delete it.</source>
            <translation>Benennen Sie den aktuellen Datenordner {live} in «{aside}» um, damit er erhalten bleibt. Löschen Sie ihn nicht.</translation>
        </message>
        <message>
            <source>Start 4D Server without opening a database and choose Restore… in its File menu.</source>
            <translation>Starten Sie 4D Server, ohne eine Datenbank zu öffnen, und wählen Sie im Menü «Ablage» bzw. «Datei» den Befehl «Wiederherstellen…».</translation>
        </message>
        <message>
            <source>Select the archive {archive} and restore it into the folder {folder}, where the data folder was.</source>
            <translation>Wählen Sie das Archiv {archive} und stellen Sie es in den Ordner {folder} wieder her, wo der Datenordner war.</translation>
        </message>
        <message>
            <source>When 4D offers to integrate the log file, accept: it adds the changes made after that backup.</source>
            <translation>Wenn 4D anbietet, die Logdatei zu integrieren, stimmen Sie zu: Damit kommen die Änderungen nach dieser Sicherung hinzu.</translation>
        </message>
        <message>
            <source>Start timeSensor Server again, check that the latest entries are there, then let everyone back in.</source>
            <translation>Starten Sie timeSensor Server wieder, prüfen Sie, ob die neuesten Einträge da sind, und lassen Sie dann alle wieder arbeiten.</translation>
        </message>
        <message>
            <source>(the newest .4BK file in the restored folder, under '4D Backup' or 'STUFF/BACKUP')</source>
            <translation>(die neueste .4BK-Datei im wiederhergestellten Ordner, unter «4D Backup» oder «STUFF/BACKUP»)</translation>
        </message>
        <message>
            <source>The folder {parent} does not exist. Create it, and any missing folders above it, and restore into {path}?</source>
            <translation>Den Ordner {parent} gibt es nicht. Soll er samt den fehlenden Ordnern darüber erstellt und in {path} wiederhergestellt werden?</translation>
        </message>
        <message>
            <source>{path} is not a full folder path. Choose the folder with "Choose folder…" or type its whole path.</source>
            <translation>{path} ist kein vollständiger Ordnerpfad. Wählen Sie den Ordner mit «Ordner wählen…» oder geben Sie den ganzen Pfad ein.</translation>
        </message>
        <message>
            <source>{path} lies inside the timeSensor data folder {source}. Restore into a new folder elsewhere; nothing was changed.</source>
            <translation>{path} liegt im timeSensor-Datenordner {source}. Stellen Sie in einen neuen Ordner an einem anderen Ort wieder her; es wurde nichts verändert.</translation>
        </message>
        <message>
            <source>{path} lies inside the backups folder {backups}. Restore into a new folder elsewhere; nothing was changed.</source>
            <translation>{path} liegt im Sicherungsordner {backups}. Stellen Sie in einen neuen Ordner an einem anderen Ort wieder her; es wurde nichts verändert.</translation>
        </message>
        <message>
            <source>Close timeSensor LEGAL first: {program} (process {pid}) is still using the data. Nothing was moved.</source>
            <translation>Schliessen Sie zuerst timeSensor LEGAL: {program} (Prozess {pid}) verwendet die Daten noch. Es wurde nichts verschoben.</translation>
        </message>
        <message>
            <source>{path} holds no restored 'timeSensor DataFiles' folder. Restore a backup first; nothing was moved.</source>
            <translation>{path} enthält keinen wiederhergestellten Ordner «timeSensor DataFiles». Stellen Sie zuerst eine Sicherung wieder her; es wurde nichts verschoben.</translation>
        </message>
        <message>
            <source>The restored folder {path} is empty. Restore a backup first; nothing was moved.</source>
            <translation>Der wiederhergestellte Ordner {path} ist leer. Stellen Sie zuerst eine Sicherung wieder her; es wurde nichts verschoben.</translation>
        </message>
        <message>
            <source>The restored folder {restored} lies inside the data folder {live} (or the other way round). Restore into a folder elsewhere; nothing was moved.</source>
            <translation>Der wiederhergestellte Ordner {restored} liegt im Datenordner {live} (oder umgekehrt). Stellen Sie in einen Ordner an einem anderen Ort wieder her; es wurde nichts verschoben.</translation>
        </message>
        <message>
            <source>The folder {folder} where the data belongs does not exist. Connect its disk; nothing was moved.</source>
            <translation>Der Ordner {folder}, in den die Daten gehören, existiert nicht. Schliessen Sie sein Laufwerk an; es wurde nichts verschoben.</translation>
        </message>
        <message>
            <source>The current data folder {live} could not be renamed ({reason}). Nothing was moved.</source>
            <translation>Der aktuelle Datenordner {live} konnte nicht umbenannt werden ({reason}). Es wurde nichts verschoben.</translation>
        </message>
        <message>
            <source>The restored data could not be moved into place ({reason}). The previous data is back in {live}; nothing was lost.</source>
            <translation>Die wiederhergestellten Daten konnten nicht an ihren Ort verschoben werden ({reason}). Die bisherigen Daten liegen wieder in {live}; nichts ging verloren.</translation>
        </message>
        <message>
            <source>The copy of the restored data differs at {path}. The previous data is back in {live}; nothing was lost.</source>
            <translation>Die Kopie der wiederhergestellten Daten weicht bei {path} ab. Die bisherigen Daten liegen wieder in {live}; nichts ging verloren.</translation>
        </message>
        <message>
            <source>The restored data could not be moved into place ({reason}), and the previous data could not be renamed back. It is safe in {aside}; rename that folder to {name} by hand.</source>
            <translation>Die wiederhergestellten Daten konnten nicht an ihren Ort verschoben werden ({reason}), und die bisherigen Daten konnten nicht zurückbenannt werden. Sie sind sicher in {aside}; benennen Sie diesen Ordner von Hand in {name} um.</translation>
        </message>
        <message>
            <source>The restored data is now in place in {live}. The previous data was kept as {aside}.</source>
            <translation>Die wiederhergestellten Daten liegen jetzt in {live}. Die bisherigen Daten wurden als {aside} behalten.</translation>
        </message>
        <message>
            <source>The restored data is now in place in {live}.</source>
            <translation>Die wiederhergestellten Daten liegen jetzt in {live}.</translation>
        </message>
        <message>
            <source>Put the backup of {backup}, restored in {restored}, in place of the current data in {live}? Close timeSensor LEGAL first. The current data is kept (not deleted) and renamed to {aside}.</source>
            <translation>Die Sicherung vom {backup}, wiederhergestellt in {restored}, an die Stelle der aktuellen Daten in {live} setzen? Schliessen Sie zuerst timeSensor LEGAL. Die aktuellen Daten bleiben erhalten (nicht gelöscht) und werden in {aside} umbenannt.</translation>
        </message>
        <message>
            <source>It was copied from another disk and checked; the restored copy in {restored} is no longer needed.</source>
            <translation>Sie wurden von einem anderen Laufwerk kopiert und geprüft; die wiederhergestellte Kopie in {restored} wird nicht mehr benötigt.</translation>
        </message>
        <message>
            <source>The backup drive {label} at {path} was added. Backups go to whichever backup drive is connected.</source>
            <translation>Das Sicherungslaufwerk {label} unter {path} wurde hinzugefügt. Gesichert wird auf das Sicherungslaufwerk, das gerade angeschlossen ist.</translation>
        </message>
        <message>
            <source>The backup drive {label} was removed from this setup. The backups on it were kept.</source>
            <translation>Das Sicherungslaufwerk {label} wurde aus dieser Einrichtung entfernt. Die Sicherungen darauf bleiben erhalten.</translation>
        </message>
        <message>
            <source>Drive {number}: {label} at {path} — {connected}, last used {last_used}.</source>
            <translation>Laufwerk {number}: {label} unter {path} — {connected}, zuletzt verwendet: {last_used}.</translation>
        </message>
        <message>
            <source>connected</source>
            <translation>angeschlossen</translation>
        </message>
        <message>
            <source>not connected</source>
            <translation>nicht angeschlossen</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>The drive name {label} cannot be used. Give a short name (at most 40 characters) that is not used by another drive of this setup.</source>
            <translation>Der Laufwerksname {label} kann nicht verwendet werden. Geben Sie einen kurzen Namen (höchstens 40 Zeichen) an, den kein anderes Laufwerk dieser Einrichtung trägt.</translation>
        </message>
        <message>
            <source>{path} is not a folder that exists. Connect the drive and give the folder on it.</source>
            <translation>{path} ist kein vorhandener Ordner. Schliessen Sie das Laufwerk an und geben Sie den Ordner darauf an.</translation>
        </message>
        <message>
            <source>{path} is already a backup drive of this setup. Give the folder on the other drive.</source>
            <translation>{path} ist bereits ein Sicherungslaufwerk dieser Einrichtung. Geben Sie den Ordner auf dem anderen Laufwerk an.</translation>
        </message>
        <message>
            <source>{path} is on the same disk as the timeSensor LEGAL data, so it would not survive a failure of that disk. Choose another drive.</source>
            <translation>{path} liegt auf demselben Datenträger wie die Daten von timeSensor LEGAL und würde einen Ausfall dieses Datenträgers nicht überstehen. Wählen Sie ein anderes Laufwerk.</translation>
        </message>
        <message>
            <source>{path} is not one of the additional backup drives of this setup. Run 'tsbackup drives list' to see them.</source>
            <translation>{path} ist keines der zusätzlichen Sicherungslaufwerke dieser Einrichtung. Mit «tsbackup drives list» sehen Sie diese.</translation>
        </message>
        <message>
            <source>{path} is the main backup drive of this setup and cannot be removed here. Choose another main drive with the setup.</source>
            <translation>{path} ist das Haupt-Sicherungslaufwerk dieser Einrichtung und kann hier nicht entfernt werden. Wählen Sie ein anderes Hauptlaufwerk mit der Einrichtung.</translation>
        </message>
        <message>
            <source>The backup drive {label} was last used {day}. Swap the drives.</source>
            <translation>Letzte Verwendung des Sicherungslaufwerks {label}: {day}. Tauschen Sie die Laufwerke.</translation>
        </message>
        <message>
            <source>The backup drive {label} has not been used since it was added {day}. Swap the drives.</source>
            <translation>Das Sicherungslaufwerk {label} wurde seit dem Hinzufügen ({day}) nie verwendet. Tauschen Sie die Laufwerke.</translation>
        </message>
        <message>
            <source>'{value}' is not a web address for the monitoring ping. Give an http:// or https:// address, for example https://hc-ping.com/your-check-id.</source>
            <translation>«{value}» ist keine Webadresse für den Überwachungs-Ping. Geben Sie eine Adresse mit http:// oder https:// an, zum Beispiel https://hc-ping.com/ihre-check-id.</translation>
        </message>
        <message>
            <source>'{value}' is not a mail server. Give it as HOST:PORT with a port between 1 and 65535, for example mail.example.com:587.</source>
            <translation>«{value}» ist kein Mailserver. Geben Sie ihn als HOST:PORT mit einem Port zwischen 1 und 65535 an, zum Beispiel mail.example.com:587.</translation>
        </message>
        <message>
            <source>'{value}' is not a kind of mail encryption. Use starttls, tls or none.</source>
            <translation>«{value}» ist keine Art der Mail-Verschlüsselung. Verwenden Sie starttls, tls oder none.</translation>
        </message>
        <message>
            <source>'{value}' is not an e-mail address. Give it as name@example.com (several separated by commas).</source>
            <translation>«{value}» ist keine E-Mail-Adresse. Geben Sie sie als name@example.com an (mehrere durch Kommas getrennt).</translation>
        </message>
        <message>
            <source>--smtp needs --mail-to with at least one e-mail address to send the reports to.</source>
            <translation>--smtp braucht --mail-to mit mindestens einer E-Mail-Adresse, an die die Meldungen gehen.</translation>
        </message>
        <message>
            <source>{option} belongs to the report e-mails; give the mail server with --smtp HOST:PORT as well.</source>
            <translation>{option} gehört zu den Meldungs-E-Mails; geben Sie auch den Mailserver mit --smtp HOST:PORT an.</translation>
        </message>
        <message>
            <source>With --smtp-security none the SMTP password would travel unencrypted. Use starttls or tls for a login.</source>
            <translation>Mit --smtp-security none würde das SMTP-Passwort unverschlüsselt übertragen. Verwenden Sie für eine Anmeldung starttls oder tls.</translation>
        </message>
        <message>
            <source>The SMTP password for {user} is missing. Give it in the environment variable TSBACKUP_SMTP_PASSWORD or on one line of standard input.</source>
            <translation>Das SMTP-Passwort für {user} fehlt. Geben Sie es in der Umgebungsvariablen TSBACKUP_SMTP_PASSWORD oder auf einer Zeile der Standardeingabe an.</translation>
        </message>
        <message>
            <source>Standard input already carries the off-site password, so the SMTP password for {user} cannot come from it too. Give it in the environment variable TSBACKUP_SMTP_PASSWORD.</source>
            <translation>Die Standardeingabe enthält bereits das Passwort der Kopie ausser Haus, das SMTP-Passwort für {user} kann deshalb nicht auch von dort kommen. Geben Sie es in der Umgebungsvariablen TSBACKUP_SMTP_PASSWORD an.</translation>
        </message>
        <message>
            <source>Monitoring pings go to {host}.</source>
            <translation>Überwachungs-Pings gehen an {host}.</translation>
        </message>
        <message>
            <source>Report e-mails go to {recipients} through the mail server {server}.</source>
            <translation>Meldungs-E-Mails gehen über den Mailserver {server} an {recipients}.</translation>
        </message>
        <message>
            <source>A test e-mail was sent to {recipients}; check that it arrived.</source>
            <translation>Eine Test-E-Mail wurde an {recipients} gesendet; prüfen Sie, ob sie angekommen ist.</translation>
        </message>
        <message>
            <source>Test ping from the backup on {computer}: the monitor receives this program's reports.</source>
            <translation>Test-Ping der Sicherung auf {computer}: Die Überwachung empfängt die Meldungen dieses Programms.</translation>
        </message>
        <message>
            <source>The test e-mail could not be sent through {server}: {reason}. Check the mail settings.</source>
            <translation>Die Test-E-Mail konnte nicht über {server} gesendet werden: {reason}. Prüfen Sie die E-Mail-Einstellungen.</translation>
        </message>
        <message>
            <source>The test ping reached {host}.</source>
            <translation>Der Test-Ping hat {host} erreicht.</translation>
        </message>
        <message>
            <source>The test ping to {host} failed: {reason}. Check the ping address.</source>
            <translation>Der Test-Ping an {host} ist fehlgeschlagen: {reason}. Prüfen Sie die Ping-Adresse.</translation>
        </message>
        <message>
            <source>No report ping or e-mail is set up, so there is nothing to test.</source>
            <translation>Es ist weder ein Meldungs-Ping noch eine Meldungs-E-Mail eingerichtet; es gibt nichts zu testen.</translation>
        </message>
        <message>
            <source>tsbackup now starts when you log in ({where}).</source>
            <translation>tsbackup startet jetzt, wenn Sie sich anmelden ({where}).</translation>
        </message>
        <message>
            <source>tsbackup no longer starts when you log in, and it will not turn this on again by itself.</source>
            <translation>tsbackup startet nicht mehr, wenn Sie sich anmelden, und schaltet dies auch nicht von selbst wieder ein.</translation>
        </message>
        <message>
            <source>tsbackup starts when you log in ({where}).</source>
            <translation>tsbackup startet, wenn Sie sich anmelden ({where}).</translation>
        </message>
        <message>
            <source>tsbackup does not start when you log in: its start at login is switched off in the system's settings (Windows: Task Manager, Startup apps; macOS: System Settings, General, Login Items). Switch it on there.</source>
            <translation>tsbackup startet nicht, wenn Sie sich anmelden: Der Start bei der Anmeldung ist in den Einstellungen des Systems ausgeschaltet (Windows: Task-Manager, Autostart-Apps; macOS: Systemeinstellungen, Allgemein, Anmeldeobjekte). Schalten Sie ihn dort ein.</translation>
        </message>
        <message>
            <source>Move tsbackup to Applications first: it runs from {where}, which is gone after a restart, so it cannot start when you log in from there.</source>
            <translation>Verschieben Sie tsbackup zuerst in den Ordner «Programme»: Es läuft aus {where}, und das ist nach einem Neustart weg; von dort kann es nicht bei der Anmeldung starten.</translation>
        </message>
        <message>
            <source>tsbackup does not start when you log in; to change that, run: tsbackup autostart on</source>
            <translation>tsbackup startet nicht, wenn Sie sich anmelden; um das zu ändern, führen Sie aus: tsbackup autostart on</translation>
        </message>
        <message>
            <source>This computer's backups are kept under the name {name} already; nothing was changed.</source>
            <translation>Die Sicherungen dieses Computers laufen bereits unter dem Namen {name}; nichts wurde geändert.</translation>
        </message>
        <message>
            <source>Connect every backup drive first ({drives}): the backups on each are renamed together. Nothing was changed.</source>
            <translation>Schliessen Sie zuerst jedes Sicherungslaufwerk an ({drives}): Die Sicherungen auf allen werden gemeinsam umbenannt. Nichts wurde geändert.</translation>
        </message>
        <message>
            <source>{folder} exists already, so the backups cannot take that name. Choose another name; nothing was changed.</source>
            <translation>{folder} gibt es bereits, deshalb können die Sicherungen diesen Namen nicht erhalten. Wählen Sie einen anderen Namen; nichts wurde geändert.</translation>
        </message>
        <message>
            <source>{folder} could not be renamed ({reason}); nothing was changed.</source>
            <translation>{folder} konnte nicht umbenannt werden ({reason}); nichts wurde geändert.</translation>
        </message>
        <message>
            <source>This computer's backups are now kept under the name {new} (was {old}); every backup made so far stays in the renamed folder.</source>
            <translation>Die Sicherungen dieses Computers laufen jetzt unter dem Namen {new} (bisher {old}); alle bisherigen Sicherungen bleiben im umbenannten Ordner.</translation>
        </message>
        <message>
            <source>The off-site snapshots made so far stay under the name {old}; new ones carry {new}. Print the recovery sheet again (tsbackup recovery-sheet --to FILE.pdf) and confirm it: the old one names {old}.</source>
            <translation>Die bisherigen Snapshots der Kopie ausser Haus bleiben unter dem Namen {old}; neue tragen {new}. Drucken Sie das Wiederherstellungsblatt neu (tsbackup recovery-sheet --to DATEI.pdf) und bestätigen Sie es: Das alte nennt {old}.</translation>
        </message>
        <message>
            <source>Password (not shown while typing): </source>
            <translation>Passwort (wird beim Tippen nicht angezeigt): </translation>
        </message>
        <message>
            <source>The task could not be registered: there is no systemd user session for {user} ({reason}). Nothing was left behind. Run "loginctl enable-linger {user}" as administrator (or log in once on the desktop), then run tsbackup task install again.</source>
            <translation>Die Aufgabe konnte nicht eingerichtet werden: Für {user} gibt es keine systemd-Benutzersitzung ({reason}). Es ist nichts zurückgeblieben. Führen Sie als Administrator «loginctl enable-linger {user}» aus (oder melden Sie sich einmal am Desktop an) und danach erneut tsbackup task install.</translation>
        </message>
        <message>
            <source>{problem} What was already registered has been taken back, so no half-made task is left.</source>
            <translation>{problem} Was schon eingerichtet war, wurde wieder entfernt; es bleibt keine halb eingerichtete Aufgabe zurück.</translation>
        </message>
        <message>
            <source>The scheduled task was removed ({what}).</source>
            <translation>Die geplante Aufgabe wurde entfernt ({what}).</translation>
        </message>
        <message>
            <source>There was no scheduled task to remove.</source>
            <translation>Es gab keine geplante Aufgabe zum Entfernen.</translation>
        </message>
        <message>
            <source>The password logon needs the Windows password of {user}: give it on standard input (it is handed to the Task Scheduler once and stored only there), or choose --logon s4u or --logon interactive.</source>
            <translation>Die Anmeldung mit Passwort braucht das Windows-Passwort von {user}: Geben Sie es über die Standardeingabe ein (es wird einmal an die Aufgabenplanung übergeben und nur dort gespeichert), oder wählen Sie --logon s4u oder --logon interactive.</translation>
        </message>
        <message>
            <source>The task has left no note of its own yet; after its next run, tsbackup task check says whether it can read the settings and the password store.</source>
            <translation>Die Aufgabe hat noch keine eigene Notiz hinterlassen; nach ihrem nächsten Lauf sagt tsbackup task check, ob sie die Einstellungen und den Passwortspeicher lesen kann.</translation>
        </message>
        <message>
            <source>There is no scheduled task on this computer. To register it, run: tsbackup task install</source>
            <translation>Auf diesem Computer gibt es keine geplante Aufgabe. Um sie einzurichten, führen Sie aus: tsbackup task install</translation>
        </message>
        <message>
            <source>The scheduled task exists but is switched off in the system's task scheduler, so no backup starts by itself. Switch it on there, or run: tsbackup task install</source>
            <translation>Die geplante Aufgabe ist vorhanden, aber in der Aufgabenplanung des Systems ausgeschaltet, darum startet keine Sicherung von selbst. Schalten Sie sie dort ein oder führen Sie aus: tsbackup task install</translation>
        </message>
        <message>
            <source>The system's task scheduler could not be asked about the task ({reason}).</source>
            <translation>Die Aufgabenplanung des Systems konnte nicht nach der Aufgabe gefragt werden ({reason}).</translation>
        </message>
        <message>
            <source>The scheduled task is registered and switched on but has not run yet.</source>
            <translation>Die geplante Aufgabe ist eingerichtet und eingeschaltet, aber noch nicht gelaufen.</translation>
        </message>
        <message>
            <source>The scheduled task is registered and switched on; its last run ({when}) ended with result code {code}.</source>
            <translation>Die geplante Aufgabe ist eingerichtet und eingeschaltet; ihr letzter Lauf ({when}) endete mit dem Ergebniscode {code}.</translation>
        </message>
        <message>
            <source>The scheduled task is registered and switched on, but its last run ({when}) ended with result code {code}. tsbackup status says why.</source>
            <translation>Die geplante Aufgabe ist eingerichtet und eingeschaltet, aber ihr letzter Lauf ({when}) endete mit dem Ergebniscode {code}. tsbackup status sagt, warum.</translation>
        </message>
        <message>
            <source>The scheduled task is running now.</source>
            <translation>Die geplante Aufgabe läuft gerade.</translation>
        </message>
        <message>
            <source>time not reported</source>
            <translation>Zeit nicht gemeldet</translation>
        </message>
        <message>
            <source>The backup folder {path} is on the network share {unc} (drive {letter}); it is stored under the share's name, because a drive letter exists only for the user who connected it. For the IT partner: the account the scheduled backup task runs under must be able to open {unc} itself (store the share's credentials for that account, for example with cmdkey), or the nightly backups cannot reach it.</source>
            <translation>Der Sicherungsordner {path} liegt auf der Netzwerkfreigabe {unc} (Laufwerk {letter}); er wird unter dem Namen der Freigabe gespeichert, weil ein Laufwerksbuchstabe nur für den Benutzer besteht, der ihn verbunden hat. Für den IT-Partner: Das Konto, unter dem die geplante Sicherungsaufgabe läuft, muss {unc} selbst öffnen können (hinterlegen Sie die Zugangsdaten der Freigabe für dieses Konto, zum Beispiel mit cmdkey), sonst erreichen die nächtlichen Sicherungen sie nicht.</translation>
        </message>
        <message>
            <source>The SSH key's passphrase cannot be handed to ssh: the program {program} was not found. Install tsbackup with its installer (or pip), or use a key without a passphrase.</source>
            <translation>Die Passphrase des SSH-Schlüssels kann nicht an ssh übergeben werden: Das Programm {program} wurde nicht gefunden. Installieren Sie tsbackup mit seinem Installationsprogramm (oder mit pip), oder verwenden Sie einen Schlüssel ohne Passphrase.</translation>
        </message>
    </context>
</TS>
