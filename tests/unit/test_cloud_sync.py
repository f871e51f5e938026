"""Spotting files in cloud-synced folders, by path alone (Windows and macOS paths as data)."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

import pytest

from rbdesk.models.storage.cloud_sync import cloud_sync_service

W = PureWindowsPath
P = PurePosixPath


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (W(r"C:\Users\siti\OneDrive\Documents\rencana.rbdesk"), "OneDrive"),
        (W(r"C:\Users\siti\OneDrive - KPU Kota Kupang\RB\rencana.rbdesk"), "OneDrive"),
        (W(r"C:\Users\siti\onedrive\rencana.rbdesk"), "OneDrive"),
        (W(r"G:\My Drive\RB 2024\rencana.rbdesk"), "Google Drive"),
        (W(r"G:\Drive Saya\rencana.rbdesk"), "Google Drive"),
        (W(r"C:\Users\siti\Google Drive\rencana.rbdesk"), "Google Drive"),
        (W(r"C:\Users\siti\Dropbox\rencana.rbdesk"), "Dropbox"),
        (W(r"C:\Users\siti\Dropbox (Kantor)\rencana.rbdesk"), "Dropbox"),
        (W(r"C:\Users\siti\iCloudDrive\rencana.rbdesk"), "iCloud Drive"),
        (W(r"C:\Users\siti\Box\rencana.rbdesk"), "Box"),
        (W(r"C:\Users\siti\MEGA\rencana.rbdesk"), "MEGA"),
        (P("/Users/siti/Library/CloudStorage/OneDrive-Personal/rencana.rbdesk"), "OneDrive"),
        (
            P("/Users/siti/Library/CloudStorage/GoogleDrive-siti@gmail.com/My Drive/r.rbdesk"),
            "Google Drive",
        ),
        (P("/Users/siti/Library/Mobile Documents/com~apple~CloudDocs/r.rbdesk"), "iCloud Drive"),
        (P("/home/siti/Dropbox/rb/rencana.rbdesk"), "Dropbox"),
        (P("/home/siti/Nextcloud/rencana.rbdesk"), "Nextcloud"),
    ],
)
def test_cloud_synced_folders_are_recognised(path, service) -> None:
    assert cloud_sync_service(path) == service


@pytest.mark.parametrize(
    "path",
    [
        W(r"\\server\bersama\RB\rencana.rbdesk"),
        W(r"S:\Sekretariat\RB\rencana.rbdesk"),
        W(r"C:\Users\siti\Documents\rbdesk\rencana-aksi.rbdesk"),
        W(r"E:\rbdesk\data\rencana-aksi.rbdesk"),
        W(r"C:\Users\siti\Documents\Dropbox.rbdesk"),  # the file's own name does not count
        W(r"C:\Users\siti\Documents\Megawati\rencana.rbdesk"),  # nor a folder that only starts so
        P("/home/siti/Documents/rbdesk/rencana-aksi.rbdesk"),
    ],
)
def test_ordinary_local_and_network_folders_are_not(path) -> None:
    assert cloud_sync_service(path) is None


def test_windows_onedrive_variable_catches_a_renamed_onedrive_folder() -> None:
    env = {"OneDriveCommercial": r"C:\Users\siti\Berkas Kantor"}
    assert cloud_sync_service(W(r"c:\users\siti\berkas kantor\RB\r.rbdesk"), env) == "OneDrive"
    assert cloud_sync_service(W(r"C:\Users\siti\Lain\r.rbdesk"), env) is None
    assert cloud_sync_service(W(r"C:\Users\siti\Lain\r.rbdesk"), {"OneDrive": ""}) is None
