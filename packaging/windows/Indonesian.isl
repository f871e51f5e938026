; rbdesk's own Indonesian wording for the Inno Setup wizard and uninstaller, layered over
; Default.isl (rbdesk.iss: MessagesFile: "compiler:Default.isl,Indonesian.isl"), so a message not
; listed here falls back to English instead of failing the build, and a name an older or newer
; Inno Setup does not know is only a compiler warning. As in Default.isl, a message that ends
; without a period gets one from Inno Setup. It covers what a per-user install,
; an update over a running rbdesk and the uninstall show. Plain ASCII on purpose: Inno Setup reads
; an .isl without a byte-order mark in the system code page.

[LangOptions]
LanguageName=Bahasa Indonesia
LanguageID=$0421
LanguageCodePage=0

[Messages]
SetupAppTitle=Pemasangan
SetupWindowTitle=Pemasangan - %1
UninstallAppTitle=Hapus Program
UninstallAppFullTitle=Menghapus %1

InformationTitle=Informasi
ConfirmTitle=Konfirmasi
ErrorTitle=Kesalahan

SetupLdrStartupMessage=Program ini akan memasang %1. Lanjutkan?
LdrCannotCreateTemp=Berkas sementara tidak dapat dibuat. Pemasangan dibatalkan
LdrCannotExecTemp=Berkas di folder sementara tidak dapat dijalankan. Pemasangan dibatalkan
LastErrorMessage=%1.%n%nKesalahan %2: %3
SetupFileMissing=Berkas %1 tidak ada di folder pemasangan. Minta salinan baru program pemasangan.
SetupFileCorrupt=Berkas pemasangan rusak. Minta salinan baru program pemasangan.
SetupFileCorruptOrWrongVer=Berkas pemasangan rusak atau tidak cocok dengan versi program pemasangan ini. Minta salinan baru.
SetupAlreadyRunning=Program pemasangan sudah berjalan.
WindowsVersionNotSupported=Program ini tidak mendukung versi Windows di komputer ini.
OnlyOnTheseArchitectures=Program ini hanya dapat dipasang pada Windows untuk prosesor berikut:%n%n%1
WinVersionTooLowError=Program ini memerlukan %1 versi %2 atau yang lebih baru.
SetupAppRunningError=%1 sedang berjalan.%n%nTutup semua jendelanya, lalu klik OK untuk melanjutkan, atau Batal untuk keluar.
UninstallAppRunningError=%1 sedang berjalan.%n%nTutup semua jendelanya, lalu klik OK untuk melanjutkan, atau Batal untuk keluar.

ErrorCreatingDir=Folder "%1" tidak dapat dibuat
ExitSetupTitle=Keluar dari Pemasangan
ExitSetupMessage=Pemasangan belum selesai. Jika keluar sekarang, program tidak terpasang.%n%nPemasangan dapat dijalankan lagi nanti.%n%nKeluar dari pemasangan?
AboutSetupMenuItem=&Tentang Pemasangan...
AboutSetupTitle=Tentang Pemasangan

ButtonBack=< &Kembali
ButtonNext=&Lanjut >
ButtonInstall=&Pasang
ButtonOK=OK
ButtonCancel=Batal
ButtonYes=&Ya
ButtonYesToAll=Ya untuk &semua
ButtonNo=&Tidak
ButtonNoToAll=T&idak untuk semua
ButtonFinish=&Selesai
ButtonBrowse=&Telusuri...
ButtonWizardBrowse=T&elusuri...
ButtonNewFolder=&Buat Folder Baru

ClickNext=Klik Lanjut untuk melanjutkan, atau Batal untuk keluar dari pemasangan.
BrowseDialogTitle=Pilih Folder
BrowseDialogLabel=Pilih folder pada daftar di bawah, lalu klik OK.
NewFolderName=Folder Baru

WelcomeLabel1=Selamat datang di Pemasangan [name]
WelcomeLabel2=Program ini akan memasang [name/ver] di komputer Anda.%n%nSebaiknya tutup aplikasi lain sebelum melanjutkan.

WizardSelectDir=Pilih Folder Tujuan
SelectDirDesc=Di mana [name] akan dipasang?
SelectDirLabel3=[name] akan dipasang di folder berikut.
SelectDirBrowseLabel=Klik Lanjut untuk melanjutkan. Untuk memilih folder lain, klik Telusuri.
DiskSpaceGBLabel=Diperlukan ruang kosong sedikitnya [gb] GB.
DiskSpaceMBLabel=Diperlukan ruang kosong sedikitnya [mb] MB.
InvalidPath=Tulis jalur lengkap dengan huruf drive, misalnya:%n%nC:\APP
InvalidDrive=Drive yang dipilih tidak ada atau tidak dapat dibuka. Pilih yang lain.
DiskSpaceWarningTitle=Ruang Disk Tidak Cukup
DiskSpaceWarning=Pemasangan memerlukan sedikitnya %1 KB ruang kosong, tetapi drive yang dipilih hanya memiliki %2 KB.%n%nTetap lanjutkan?
DirNameTooLong=Nama folder atau jalur terlalu panjang.
InvalidDirName=Nama folder tidak sah.
BadDirName32=Nama folder tidak boleh memuat karakter berikut:%n%n%1
DirExistsTitle=Folder Sudah Ada
DirExists=Folder:%n%n%1%n%nsudah ada. Tetap pasang di folder itu?
DirDoesntExistTitle=Folder Belum Ada
DirDoesntExist=Folder:%n%n%1%n%nbelum ada. Buat folder itu?

WizardSelectTasks=Pilih Tugas Tambahan
SelectTasksDesc=Tugas tambahan apa yang perlu dijalankan?
SelectTasksLabel2=Pilih tugas tambahan yang perlu dijalankan saat memasang [name], lalu klik Lanjut.

WizardReady=Siap Memasang
ReadyLabel1=Pemasangan [name] di komputer ini siap dimulai.
ReadyLabel2a=Klik Pasang untuk memulai, atau Kembali untuk memeriksa atau mengubah pilihan.
ReadyLabel2b=Klik Pasang untuk memulai.
ReadyMemoDir=Folder tujuan:
ReadyMemoTasks=Tugas tambahan:

WizardPreparing=Menyiapkan Pemasangan
PreparingDesc=Pemasangan [name] di komputer ini sedang disiapkan.
PreviousInstallNotCompleted=Pemasangan atau penghapusan program sebelumnya belum selesai. Komputer perlu dinyalakan ulang untuk menyelesaikannya.%n%nSetelah itu jalankan pemasangan lagi untuk memasang [name].
CannotContinue=Pemasangan tidak dapat dilanjutkan. Klik Batal untuk keluar.
ApplicationsFound=Aplikasi berikut sedang memakai berkas yang perlu diperbarui. Sebaiknya izinkan pemasangan menutupnya secara otomatis.
ApplicationsFound2=Aplikasi berikut sedang memakai berkas yang perlu diperbarui. Sebaiknya izinkan pemasangan menutupnya secara otomatis; setelah selesai, aplikasi itu akan dibuka kembali.
CloseApplications=&Tutup aplikasi secara otomatis
DontCloseApplications=&Jangan tutup aplikasi
ErrorCloseApplications=Tidak semua aplikasi dapat ditutup secara otomatis. Sebaiknya tutup sendiri aplikasi yang memakai berkas yang perlu diperbarui sebelum melanjutkan.

WizardInstalling=Memasang
InstallingLabel=Tunggu sebentar, [name] sedang dipasang di komputer ini.

FinishedHeadingLabel=Pemasangan [name] selesai
FinishedLabelNoIcons=[name] sudah terpasang di komputer ini.
FinishedLabel=[name] sudah terpasang di komputer ini. Program dapat dibuka dari pintasannya di menu Start.
ClickFinish=Klik Selesai untuk menutup pemasangan.
FinishedRestartLabel=Untuk menyelesaikan pemasangan [name], komputer perlu dinyalakan ulang. Nyalakan ulang sekarang?
YesRadio=&Ya, nyalakan ulang sekarang
NoRadio=&Tidak, nanti saja
RunEntryExec=Jalankan %1
RunEntryShellExec=Buka %1

SetupAborted=Pemasangan belum selesai.%n%nPerbaiki masalahnya, lalu jalankan pemasangan lagi.
; Inno Setup 6.4's names (ISCC of npm's innosetup 6.4.1, `make dist-windows`, warns about any other).
AbortRetryIgnoreSelectAction=Pilih tindakan
AbortRetryIgnoreRetry=&Coba lagi
AbortRetryIgnoreIgnore=&Abaikan dan lanjutkan
AbortRetryIgnoreCancel=Batalkan pemasangan

StatusClosingApplications=Menutup aplikasi...
StatusCreateDirs=Membuat folder...
StatusExtractFiles=Menyalin berkas...
StatusCreateIcons=Membuat pintasan...
StatusCreateRegistryEntries=Mendaftarkan jenis berkas .rbdesk...
StatusSavingUninstall=Menyimpan data untuk penghapusan...
StatusRunProgram=Menyelesaikan pemasangan...
StatusRestartingApplications=Membuka kembali aplikasi...
StatusRollback=Membatalkan perubahan...

ErrorExecutingProgram=Berkas tidak dapat dijalankan:%n%1
ErrorCopying=Terjadi kesalahan saat menyalin berkas:
ErrorReplacingExistingFile=Terjadi kesalahan saat mengganti berkas yang sudah ada:

UninstallDisplayNameMarkCurrentUser=Pengguna ini
UninstallDisplayNameMarkAllUsers=Semua pengguna

ConfirmUninstall=Yakin ingin menghapus %1 dari komputer ini? Rencana aksi, cadangan dan pengaturan Anda tidak ikut terhapus.
UninstallStatusLabel=Tunggu sebentar, %1 sedang dihapus dari komputer ini.
UninstalledAll=%1 sudah dihapus dari komputer ini.
UninstalledMost=Penghapusan %1 selesai.%n%nBeberapa bagian tidak dapat dihapus dan dapat dihapus sendiri.
UninstalledAndNeedsRestart=Untuk menyelesaikan penghapusan %1, komputer perlu dinyalakan ulang.%n%nNyalakan ulang sekarang?
WizardUninstalling=Status Penghapusan
StatusUninstalling=Menghapus %1...

ShutdownBlockReasonInstallingApp=Memasang %1.
ShutdownBlockReasonUninstallingApp=Menghapus %1.

[CustomMessages]
NameAndVersion=%1 versi %2
AdditionalIcons=Pintasan tambahan:
CreateDesktopIcon=Buat pintasan di &desktop
UninstallProgram=Hapus %1
LaunchProgram=Jalankan %1
