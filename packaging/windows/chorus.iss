; Inno Setup script for Chorus on Windows: installs the folder bundle made by
; packaging/build.py (dist\chorus: Chorus.exe for the window, chorus-cli.exe for the command
; line) for the current user, with a Start menu entry and an uninstaller.
;
; build.py runs it when Inno Setup's compiler (iscc) is on the PATH, passing the version from
; pyproject.toml. By hand, from the top of the source tree:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\chorus.iss
;
; Paths are relative to this file. Not built or tested on Linux: see packaging/README.md.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z chorus.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\chorus"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\chorus.ico"
#endif

[Setup]
; The AppId identifies Chorus to Windows across versions: never change it.
AppId={{C00917BA-ED88-4258-8036-41ED5ED75F2F}
AppName=Chorus
AppVersion={#AppVersion}
AppVerName=Chorus {#AppVersion}
AppPublisher=The Chorus team
AppComments=Plan, run and record collective-leadership workshops, offline.
DefaultDirName={autopf}\Chorus
DefaultGroupName=Chorus
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights; an administrator may choose
; all users in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=chorus-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Chorus.exe
UninstallDisplayName=Chorus
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Chorus"; Filename: "{app}\Chorus.exe"; Comment: "Plan, run and record workshops"
Name: "{autodesktop}\Chorus"; Filename: "{app}\Chorus.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Chorus.exe"; Description: "{cm:LaunchProgram,Chorus}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program folder only: workshops in %LOCALAPPDATA%\Chorus stay.
