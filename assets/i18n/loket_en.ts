<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>ActivityLine</name>
    <message>
        <source>Sedang menyambung ulang ke server…</source>
        <translation>Reconnecting to the server…</translation>
    </message>
    <message>
        <source>Mohon tunggu, sedang diproses…</source>
        <translation>One moment, working on it…</translation>
    </message>
</context>
<context>
    <name>AdminExitScreen</name>
    <message>
        <source>Menu admin kiosk</source>
        <translation>Kiosk admin menu</translation>
    </message>
    <message>
        <source>Masuk sebagai %1</source>
        <translation>Signed in as %1</translation>
    </message>
    <message numerus="yes">
        <source>%n cetakan belum tercetak (lihat: loket print pending, cetak ulang: loket print retry).</source>
        <translation>
            <numerusform>%n printout not printed yet (see: loket print pending, reprint: loket print retry).</numerusform>
            <numerusform>%n printouts not printed yet (see: loket print pending, reprint: loket print retry).</numerusform>
        </translation>
    </message>
    <message>
        <source>Tutup aplikasi kiosk</source>
        <translation>Close the kiosk app</translation>
    </message>
    <message>
        <source>Kembali ke kiosk</source>
        <translation>Back to the kiosk</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>kepala</source>
        <translation>head</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>petugas</source>
        <translation>officer</translation>
    </message>
    <message>
        <source>operator CLI</source>
        <translation>CLI operator</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Periksa keutuhan</source>
        <translation>Integrity check</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>{n} entri</source>
        <translation>{n} entries</translation>
    </message>
</context>
<context>
    <name>CheckReceiptScreen</name>
    <message>
        <source>Cek tanda terima</source>
        <translation>Check a receipt</translation>
    </message>
    <message>
        <source>Ketik nomor tanda terima, misalnya TT-2026-000123, lalu sentuh Cek.</source>
        <translation>Type the receipt number, for example TT-2026-000123, then touch Check.</translation>
    </message>
    <message>
        <source>Cek</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Pindai QR</source>
        <translation>Scan QR</translation>
    </message>
    <message>
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Tunjukkan kode QR tanda terima ke kamera.</source>
        <translation>Show the receipt's QR code to the camera.</translation>
    </message>
</context>
<context>
    <name>ComplaintScreen</name>
    <message>
        <source>Pengaduan dan saran</source>
        <translation>Complaints and suggestions</translation>
    </message>
    <message>
        <source>Pengaduan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Saran</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Tuliskan saran Anda:</source>
        <translation>Write your suggestion:</translation>
    </message>
    <message>
        <source>Ceritakan apa yang terjadi:</source>
        <translation>Tell us what happened:</translation>
    </message>
    <message>
        <source>Nama (boleh kosong)</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <source>No. HP (boleh kosong)</source>
        <translation>Mobile number (optional)</translation>
    </message>
    <message>
        <source>Nomor HP hanya dipakai untuk memberi tahu Anda saat pengaduan dijawab, lalu dihapus.</source>
        <translation>Your number is only used to tell you when the complaint is answered, then deleted.</translation>
    </message>
    <message>
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Kirim dan cetak nomor pelacakan</source>
        <translation>Send and print a tracking number</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Terima kasih. Nomor pelacakan Anda:</source>
        <translation>Thank you. Your tracking number:</translation>
    </message>
    <message>
        <source>Kami menanggapi paling lambat %1.</source>
        <translation>We will respond by %1 at the latest.</translation>
    </message>
    <message>
        <source>Bukti pengaduan sedang dicetak…</source>
        <translation>Printing your complaint slip…</translation>
    </message>
    <message>
        <source>Silakan ambil bukti pengaduan Anda di bawah layar.</source>
        <translation>Please take your complaint slip below the screen.</translation>
    </message>
    <message>
        <source>Catat nomor pelacakan di atas; pengaduan Anda sudah tercatat.</source>
        <translation>Note the tracking number above; your complaint is recorded.</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Semua status</source>
        <translation>Every status</translation>
    </message>
    <message>
        <source>(status tetap)</source>
        <translation>(keep the status)</translation>
    </message>
    <message>
        <source>Hanya yang lewat tenggat</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Catatan tindak lanjut</source>
        <translation>Follow-up note</translation>
    </message>
    <message>
        <source>Catat tindak lanjut</source>
        <translation>Record follow-up</translation>
    </message>
    <message>
        <source>Tutup pengaduan</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Tenggat jawab</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Terbuka {open} (baru {new}, ditindaklanjuti {progress}, dijawab {answered}) · selesai {closed} · lewat tenggat {overdue}</source>
        <translation>Open {open} (new {new}, in progress {progress}, answered {answered}) · closed {closed} · overdue {overdue}</translation>
    </message>
    <message>
        <source> (LEWAT)</source>
        <translation> (OVERDUE)</translation>
    </message>
    <message>
        <source>Kontak: {name} {phone}</source>
        <translation>Contact: {name} {phone}</translation>
    </message>
    <message>
        <source>Tindak lanjut dicatat</source>
        <translation>Follow-up recorded</translation>
    </message>
    <message>
        <source>Pengaduan ditutup</source>
        <translation>Complaint closed</translation>
    </message>
</context>
<context>
    <name>ConfirmBox</name>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Loket — Admin</source>
        <translation>Loket — Admin</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>kepala</source>
        <translation>head</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>staf</source>
        <translation>staff</translation>
    </message>
</context>
<context>
    <name>CountersPage</name>
    <message>
        <source>Minimal loket depan yang dijaga pada jam layanan</source>
        <translation>Front-desk counters that must be staffed in service hours</translation>
    </message>
    <message>
        <source>Simpan minimal</source>
        <translation>Save minimum</translation>
    </message>
    <message>
        <source>Minimal loket depan disimpan</source>
        <translation>Front-desk minimum saved</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Tunggu terlama (menit)</source>
        <translation>Longest wait (min)</translation>
    </message>
    <message>
        <source>Perkiraan (menit)</source>
        <translation>Estimate (min)</translation>
    </message>
    <message>
        <source>LOG RUSAK — periksa dengan loket verify-all: {problem}</source>
        <translation>LOG BROKEN — check with loket verify-all: {problem}</translation>
    </message>
    <message>
        <source>Diperbarui {time}</source>
        <translation>Updated {time}</translation>
    </message>
    <message>
        <source>sejak {time}</source>
        <translation>since {time}</translation>
    </message>
    <message>
        <source>eskalasi ke kepala pukul {time}</source>
        <translation>escalated to the head at {time}</translation>
    </message>
</context>
<context>
    <name>CoverageTile</name>
    <message>
        <source>Dijaga</source>
        <translation>Staffed</translation>
    </message>
    <message>
        <source>Istirahat</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Detak hilang</source>
        <translation>Heartbeat lost</translation>
    </message>
    <message>
        <source>Kosong</source>
        <translation>Unstaffed</translation>
    </message>
    <message>
        <source> · depan</source>
        <translation> · front desk</translation>
    </message>
    <message>
        <source> · nonaktif</source>
        <translation> · inactive</translation>
    </message>
    <message>
        <source>Loket {number}</source>
        <translation>Counter {number}</translation>
    </message>
    <message>
        <source>sejak {time}</source>
        <translation>since {time}</translation>
    </message>
    <message>
        <source>Melayani: {ticket}</source>
        <translation>Serving: {ticket}</translation>
    </message>
    <message>
        <source>Detak terakhir: {seconds} s</source>
        <translation>Last heartbeat: {seconds} s</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>Panggil berikutnya</source>
        <translation>Call next</translation>
    </message>
    <message>
        <source>Panggil ulang</source>
        <translation>Call again</translation>
    </message>
    <message>
        <source>Mulai layani</source>
        <translation>Start serving</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Tidak hadir</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Tidak hadir, kembali ke antrean</source>
        <translation>No-show, back to the queue</translation>
    </message>
    <message>
        <source>Alihkan…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>Tahan</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>Lanjutkan yang ditahan</source>
        <translation>Resume held</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Istirahat</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Kembali bertugas</source>
        <translation>Back to work</translation>
    </message>
    <message>
        <source>Serah terima</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Pengunjung saat ini</source>
        <translation>Current visitor</translation>
    </message>
    <message>
        <source>Menunggu untuk loket ini</source>
        <translation>Waiting for this counter</translation>
    </message>
    <message>
        <source>Ditahan</source>
        <translation>On hold</translation>
    </message>
</context>
<context>
    <name>DocumentScreen</name>
    <message>
        <source>Serahkan dokumen</source>
        <translation>Hand in a document</translation>
    </message>
    <message>
        <source>Isi data di bawah ini, lalu letakkan dokumen di kotak penerimaan. Anda mendapat tanda terima bertanda tangan sebagai bukti.</source>
        <translation>Fill in the details below, then put the document in the intake box. You get a signed receipt as proof.</translation>
    </message>
    <message>
        <source>Nama pengirim</source>
        <translation>Sender's name</translation>
    </message>
    <message>
        <source>No. HP (boleh kosong)</source>
        <translation>Mobile number (optional)</translation>
    </message>
    <message>
        <source>Instansi/organisasi (boleh kosong)</source>
        <translation>Agency/organisation (optional)</translation>
    </message>
    <message>
        <source>Ditujukan ke unit</source>
        <translation>Addressed to unit</translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Jumlah halaman</source>
        <translation>Number of pages</translation>
    </message>
    <message>
        <source>Nomor HP hanya untuk memberi tahu saat dokumen siap, lalu dihapus.</source>
        <translation>Only used to tell you when the document is ready, then deleted.</translation>
    </message>
    <message>
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Serahkan dan cetak tanda terima</source>
        <translation>Hand in and print the receipt</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Semua status</source>
        <translation>Every status</translation>
    </message>
    <message>
        <source>Cari nomor tanda terima atau pengirim</source>
        <translation>Search by receipt number or sender</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Catatan (opsional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Pengirim</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Unit tujuan</source>
        <translation>Recipient unit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Diberi tahu</source>
        <translation>Told</translation>
    </message>
    <message>
        <source>Perkiraan selesai</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Siap diambil, tidak ada pesan yang sampai — hubungi pengirim</source>
        <translation>Ready, no message reached them — contact the sender</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
</context>
<context>
    <name>DocumentsScreen</name>
    <message>
        <source>‹ Kembali ke antrean</source>
        <translation>‹ Back to the queue</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <source>Ekspor laporan</source>
        <translation>Exporting the report</translation>
    </message>
    <message>
        <source>Menulis berkas {name}</source>
        <translation>Writing {name}</translation>
    </message>
</context>
<context>
    <name>ExportingPage</name>
    <message>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Berkas {format} (*.{ext})</source>
        <translation>{format} files (*.{ext})</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <source>Laporan disimpan: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
</context>
<context>
    <name>HandoverScreen</name>
    <message>
        <source>Serah terima loket</source>
        <translation>Counter handover</translation>
    </message>
    <message>
        <source>Petugas yang mengambil alih memasukkan nama pengguna dan PIN-nya sendiri. Loket tetap dijaga tanpa jeda.</source>
        <translation>The officer taking over enters their own username and PIN. The counter stays staffed without a break.</translation>
    </message>
    <message>
        <source>Petugas pengganti</source>
        <translation>Taking-over officer</translation>
    </message>
    <message>
        <source>PIN petugas pengganti</source>
        <translation>Taking-over officer's PIN</translation>
    </message>
    <message>
        <source>‹ Batal</source>
        <translation>‹ Cancel</translation>
    </message>
    <message>
        <source>Ambil alih loket</source>
        <translation>Take over the counter</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Silakan pilih layanan</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <source>Sentuh layanan yang Anda perlukan untuk mengambil nomor antrean.</source>
        <translation>Touch the service you need to take a queue number.</translation>
    </message>
    <message>
        <source>Belum ada layanan yang dibuka.</source>
        <translation>No services are open yet.</translation>
    </message>
    <message>
        <source>Serahkan dokumen</source>
        <translation>Hand in a document</translation>
    </message>
    <message>
        <source>Cek tanda terima</source>
        <translation>Check a receipt</translation>
    </message>
    <message>
        <source>Nilai layanan kami</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <source>Pengaduan dan saran</source>
        <translation>Complaints and suggestions</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>Senin</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Selasa</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Rabu</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Kamis</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Jumat</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Sabtu</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Minggu</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Grup {name}</source>
        <translation>Group: {name}</translation>
    </message>
    <message>
        <source>Jadwal biasa</source>
        <translation>Normal schedule</translation>
    </message>
    <message>
        <source>Jadwal Ramadan</source>
        <translation>Ramadan schedule</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Istirahat</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Hari (1=Senin … 7=Minggu)</source>
        <translation>Days (1=Monday … 7=Sunday)</translation>
    </message>
    <message>
        <source>Jam layanan</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>Istirahat (kosong: tanpa istirahat)</source>
        <translation>Break (empty: none)</translation>
    </message>
    <message>
        <source>Tutup pada hari-hari ini</source>
        <translation>Closed on these days</translation>
    </message>
    <message>
        <source>Simpan jam layanan</source>
        <translation>Save service hours</translation>
    </message>
    <message>
        <source>Hari libur</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Muat CSV…</source>
        <translation>Load CSV…</translation>
    </message>
    <message>
        <source>Ramadan dan eskalasi</source>
        <translation>Ramadan and escalation</translation>
    </message>
    <message>
        <source>Tetapkan Ramadan</source>
        <translation>Set Ramadan</translation>
    </message>
    <message>
        <source>Menit sebelum kekosongan dilaporkan ke kepala</source>
        <translation>Minutes before a gap goes to the head</translation>
    </message>
    <message>
        <source>Simpan eskalasi</source>
        <translation>Save escalation</translation>
    </message>
    <message>
        <source>Belum ada</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>tutup</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>buka saat istirahat</source>
        <translation>open through the break</translation>
    </message>
    <message>
        <source>Jam layanan disimpan</source>
        <translation>Service hours saved</translation>
    </message>
    <message>
        <source>Hari libur ditambahkan</source>
        <translation>Holiday added</translation>
    </message>
    <message>
        <source>Muat hari libur dari CSV</source>
        <translation>Load holidays from a CSV file</translation>
    </message>
    <message>
        <source>Berkas CSV (*.csv *.txt)</source>
        <translation>CSV files (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Hari libur dihapus</source>
        <translation>Holiday removed</translation>
    </message>
    <message>
        <source>Masa Ramadan disimpan</source>
        <translation>Ramadan period saved</translation>
    </message>
    <message>
        <source>Tunda eskalasi disimpan</source>
        <translation>Escalation delay saved</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>ID kunci</source>
        <translation>Key id</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Dipensiunkan</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>Tanda terima ditandatangani Ed25519. Kunci yang dipensiunkan tetap dapat memverifikasi tanda terima lama. Hanya kunci yang disahkan kunci akar kantor yang dipercaya.</source>
        <translation>Receipts are signed with Ed25519. Retired keys still verify old receipts. Only keys certified by the office root are trusted.</translation>
    </message>
    <message>
        <source>Pengesahan</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Di PC ini</source>
        <translation>On this PC</translation>
    </message>
    <message>
        <source>Sahkan</source>
        <translation>Certify</translation>
    </message>
    <message>
        <source>Ganti kunci</source>
        <translation>Rotate key</translation>
    </message>
    <message>
        <source>Ekspor kunci publik (PEM)</source>
        <translation>Export public keys (PEM)</translation>
    </message>
    <message>
        <source>PC ini belum mempercayai kunci akar kantor: jalankan 'loket init --trust SIDIK'.</source>
        <translation>This PC does not trust an office root yet: run 'loket init --trust FINGERPRINT'.</translation>
    </message>
    <message>
        <source> (ada di PC ini)</source>
        <translation> (held on this PC)</translation>
    </message>
    <message>
        <source>Kunci akar kantor: {fingerprint}{here}</source>
        <translation>Office root: {fingerprint}{here}</translation>
    </message>
    <message>
        <source>disahkan</source>
        <translation>certified</translation>
    </message>
    <message>
        <source>asing</source>
        <translation>foreign</translation>
    </message>
    <message>
        <source>belum</source>
        <translation>uncertified</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <source>menandatangani sekarang</source>
        <translation>signing now</translation>
    </message>
    <message>
        <source>Sahkan kunci</source>
        <translation>Certify key</translation>
    </message>
    <message>
        <source>Sahkan kunci {kid}? Cocokkan ID kunci ini dengan yang tampil di PC pembuatnya ('loket keys new'). Kunci yang disahkan dipercaya semua PC kantor.</source>
        <translation>Certify key {kid}? Check this key ID against the one shown on the PC that made it ('loket keys new'). A certified key is trusted by every PC of the office.</translation>
    </message>
    <message>
        <source>Kunci {kid} disahkan</source>
        <translation>Key {kid} certified</translation>
    </message>
    <message>
        <source>Buat kunci baru dan pensiunkan kunci PC ini? Tanda terima lama tetap sah.</source>
        <translation>Make a new key and retire this PC's keys? Old receipts stay valid.</translation>
    </message>
    <message>
        <source>Kunci baru {kid} dipakai</source>
        <translation>New key {kid} in use</translation>
    </message>
    <message>
        <source>Simpan kunci publik</source>
        <translation>Save the public keys</translation>
    </message>
    <message>
        <source>Kunci PEM (*.pem)</source>
        <translation>PEM keys (*.pem)</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <source>Kunci publik disimpan di {path}</source>
        <translation>Public keys saved to {path}</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Huruf besar</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>Kontras tinggi</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Saat ini belum ada petugas di meja layanan. Nomor antrean dan tanda terima bertanda tangan tetap dapat diambil di sini; petugas sudah diberi tahu.</source>
        <translation>No officer is at the front desk right now. You can still take a queue number and a signed receipt here; staff have been told.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Loket — Admin dan Kepala Kantor</source>
        <translation>Loket — admin and head of office</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>NearPhoneScreen</name>
    <message>
        <source>Kirim SMS saat nomor Anda hampir dipanggil?</source>
        <translation>Text me when my number is nearly called?</translation>
    </message>
    <message>
        <source>Kirim pesan saat nomor Anda hampir dipanggil?</source>
        <translation>Send me a message when my number is nearly called?</translation>
    </message>
    <message>
        <source>Kami kirim SMS saat tinggal %1 orang atau kurang di depan Anda.</source>
        <translation>We text you when %1 or fewer people are ahead of you.</translation>
    </message>
    <message>
        <source>No. HP untuk SMS</source>
        <translation>Mobile number for the text message</translation>
    </message>
    <message>
        <source>Kami kirim pesan saat tinggal %1 orang atau kurang di depan Anda.</source>
        <translation>We send you a message when %1 or fewer people are ahead of you.</translation>
    </message>
    <message>
        <source>No. HP untuk pesan</source>
        <translation>Mobile number for the message</translation>
    </message>
    <message>
        <source>Layanan: %1.</source>
        <translation>Service: %1.</translation>
    </message>
    <message>
        <source>Nomor HP hanya dipakai untuk memberi tahu Anda saat nomor Anda hampir dipanggil, lalu dihapus.</source>
        <translation>Your number is only used to tell you when your number is nearly called, then deleted.</translation>
    </message>
    <message>
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Lewati</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Ambil nomor</source>
        <translation>Take my number</translation>
    </message>
</context>
<context>
    <name>NotifyPage</name>
    <message>
        <source>Mati (tidak ada pesan)</source>
        <translation>Off (no messages)</translation>
    </message>
    <message>
        <source>SMS lewat modem (Gammu)</source>
        <translation>SMS through a modem (Gammu)</translation>
    </message>
    <message>
        <source>Webhook (gateway WhatsApp dan lainnya)</source>
        <translation>Webhook (WhatsApp and other gateways)</translation>
    </message>
    <message>
        <source>Langsung ke modem (python-gammu)</source>
        <translation>Straight to the modem (python-gammu)</translation>
    </message>
    <message>
        <source>Lewat gammu-smsd yang berjalan</source>
        <translation>Through a running gammu-smsd</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Alamat webhook</source>
        <translation>Webhook address</translation>
    </message>
    <message>
        <source>Kunci rahasia webhook</source>
        <translation>Webhook secret</translation>
    </message>
    <message>
        <source>Berkas gammurc</source>
        <translation>gammurc file</translation>
    </message>
    <message>
        <source>Cara kirim SMS</source>
        <translation>How SMS are sent</translation>
    </message>
    <message>
        <source>Kabari antrean bila tinggal</source>
        <translation>Tell a waiting visitor when only</translation>
    </message>
    <message>
        <source>Hapus nomor setelah (hari)</source>
        <translation>Delete numbers after (days)</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <source> nomor lagi</source>
        <translation> are ahead</translation>
    </message>
    <message>
        <source>Simpan pengaturan notifikasi</source>
        <translation>Save notification settings</translation>
    </message>
    <message>
        <source>Pesan dikirim oleh aplikasi loket dan admin yang sedang berjalan (atau loket notify send-pending dari cron), dicoba ulang bila gagal; yang tetap gagal tampil merah di bawah dan di daftar dokumen, agar petugas menelepon.</source>
        <translation>Messages are sent by the running counter and admin apps (or loket notify send-pending from cron) and retried when they fail; those that still fail show in red below and in the documents list, so that staff phone.</translation>
    </message>
    <message>
        <source>Teks pesan</source>
        <translation>Message texts</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>Every status</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>No. HP untuk uji</source>
        <translation>Mobile number for a test</translation>
    </message>
    <message>
        <source>Kirim uji</source>
        <translation>Send test</translation>
    </message>
    <message>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Ke</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Percobaan</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Kesalahan terakhir</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>tersimpan — kosongkan agar tidak diubah</source>
        <translation>stored — leave empty to keep it</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Pengaturan notifikasi disimpan</source>
        <translation>Notification settings saved</translation>
    </message>
    <message>
        <source>Teks pesan disimpan</source>
        <translation>Message text saved</translation>
    </message>
</context>
<context>
    <name>NotifyTemplates</name>
    <message>
        <source>Dokumen siap diambil</source>
        <translation>Document ready for collection</translation>
    </message>
    <message>
        <source>Pengaduan dijawab</source>
        <translation>Complaint answered</translation>
    </message>
    <message>
        <source>Pengaduan selesai</source>
        <translation>Complaint resolved</translation>
    </message>
    <message>
        <source>Nomor antrean hampir dipanggil</source>
        <translation>Queue number nearly called</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Logo (berkas gambar)</source>
        <translation>Logo (image file)</translation>
    </message>
    <message>
        <source>Maklumat pelayanan / teks berjalan</source>
        <translation>Service pledge / running text (Indonesian)</translation>
    </message>
    <message>
        <source>Teks berjalan (Inggris)</source>
        <translation>Running text (English)</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Kosongkan maklumat untuk memakai maklumat pelayanan baku di papan antrean.</source>
        <translation>Leave the pledge empty to show the standard maklumat pelayanan on the board.</translation>
    </message>
    <message>
        <source>Simpan identitas</source>
        <translation>Save identity</translation>
    </message>
    <message>
        <source>Waktu penyelesaian dokumen</source>
        <translation>Document completion time</translation>
    </message>
    <message>
        <source>Hari kerja (semua unit)</source>
        <translation>Working days (every unit)</translation>
    </message>
    <message>
        <source>Hari kerja per unit</source>
        <translation>Working days per unit</translation>
    </message>
    <message>
        <source>hari kerja</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>Dicetak di tanda terima sebagai perkiraan selesai: hari kerja setelah dokumen diterima, tanpa Sabtu, Minggu dan hari libur kantor. Angka per unit menggantikan angka semua unit; petugas penerima dapat menentukan sendiri.</source>
        <translation>Printed on the receipt as the expected completion: working days after the document is received, without Saturdays, Sundays and the office's holidays. A unit's figure replaces the one for every unit; the receiving officer can set their own.</translation>
    </message>
    <message>
        <source>Simpan waktu penyelesaian</source>
        <translation>Save completion time</translation>
    </message>
    <message>
        <source>PIN petugas baru: jumlah angka minimal</source>
        <translation>New staff PINs: fewest digits</translation>
    </message>
    <message>
        <source>angka</source>
        <translation>digits</translation>
    </message>
    <message>
        <source>Simpan minimal PIN</source>
        <translation>Save PIN minimum</translation>
    </message>
    <message>
        <source>Pilih logo</source>
        <translation>Choose a logo</translation>
    </message>
    <message>
        <source>Identitas kantor disimpan</source>
        <translation>Office identity saved</translation>
    </message>
    <message>
        <source>Waktu penyelesaian disimpan</source>
        <translation>Completion time saved</translation>
    </message>
    <message>
        <source>Minimal PIN disimpan</source>
        <translation>PIN minimum saved</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>spasi</source>
        <translation>space</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Pengaduan dan saran</source>
        <translation>Complaints and suggestions</translation>
    </message>
    <message>
        <source>Daftar loket</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>Papan penjagaan langsung</source>
        <translation>Live coverage board</translation>
    </message>
    <message>
        <source>Dokumen (tanda terima)</source>
        <translation>Documents (receipts)</translation>
    </message>
    <message>
        <source>Jam layanan dan libur</source>
        <translation>Service hours and holidays</translation>
    </message>
    <message>
        <source>Kunci tanda tangan</source>
        <translation>Signing keys</translation>
    </message>
    <message>
        <source>Identitas kantor</source>
        <translation>Office identity</translation>
    </message>
    <message>
        <source>Halaman</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Daftar layanan</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Petugas dan peran</source>
        <translation>Staff and roles</translation>
    </message>
    <message>
        <source>Log penjagaan</source>
        <translation>Staffing log review</translation>
    </message>
    <message>
        <source>Survei kepuasan (IKM)</source>
        <translation>Satisfaction survey (IKM)</translation>
    </message>
    <message>
        <source>Suara dan bahasa</source>
        <translation>Voice and language</translation>
    </message>
    <message>
        <source>Beban kerja</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Notifikasi</source>
        <translation>Notifications</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <source>Printer semua PC kantor, seperti yang terakhir dilaporkan oleh kios, aplikasi loket dan cetak uji. Kios atau loket yang diam lebih dari 5 menit: tidak diketahui.</source>
        <translation>Every office PC's printers as last reported by the kiosks, counter apps and test prints. A kiosk or counter silent for more than 5 minutes: unknown.</translation>
    </message>
    <message>
        <source>Stasiun</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Terakhir terlihat</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Printer PC ini (network://, usb://, serial://, cups://, file://, pdf://, dummy://). Status dibaca langsung dari printer setiap 10 detik.</source>
        <translation>This PC's printers (network://, usb://, serial://, cups://, file://, pdf://, dummy://). Status is read from the printer every 10 seconds.</translation>
    </message>
    <message>
        <source>Masalah</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Periksa status</source>
        <translation>Check status</translation>
    </message>
    <message>
        <source>Cetak uji</source>
        <translation>Test print</translation>
    </message>
    <message>
        <source>Hapus dari daftar kantor</source>
        <translation>Remove from the office list</translation>
    </message>
    <message>
        <source>Menanyai printer…</source>
        <translation>Asking the printer…</translation>
    </message>
    <message>
        <source>Pilih printer dulu</source>
        <translation>Choose a printer first</translation>
    </message>
    <message>
        <source>Hapus {uri} di {station} dari daftar kantor? Kios atau loket yang masih berjalan akan melaporkannya lagi.</source>
        <translation>Remove {uri} at {station} from the office list? A kiosk or counter still running reports it again.</translation>
    </message>
    <message>
        <source>Hapus printer</source>
        <translation>Remove printer</translation>
    </message>
    <message>
        <source>Printer dihapus dari daftar kantor</source>
        <translation>Printer removed from the office list</translation>
    </message>
    <message>
        <source>Printer ditambahkan</source>
        <translation>Printer added</translation>
    </message>
    <message>
        <source>Printer dihapus dari daftar</source>
        <translation>Printer removed from the list</translation>
    </message>
</context>
<context>
    <name>PriorityScreen</name>
    <message>
        <source>Apakah Anda pengunjung prioritas?</source>
        <translation>Are you a priority visitor?</translation>
    </message>
    <message>
        <source>Lansia, penyandang disabilitas, ibu hamil atau menyusui, dan anak-anak dilayani lebih dahulu. Petugas dapat meminta bukti.</source>
        <translation>Elderly people, people with disabilities, pregnant or nursing mothers and children are served first. Staff may ask for proof.</translation>
    </message>
    <message>
        <source>Tidak, nomor antrean biasa</source>
        <translation>No, a normal queue number</translation>
    </message>
    <message>
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
</context>
<context>
    <name>ReasonScreen</name>
    <message>
        <source>Kode alasan</source>
        <translation>Reason code</translation>
    </message>
    <message>
        <source>Nomor rujukan</source>
        <translation>Reference number</translation>
    </message>
    <message>
        <source>Disetujui oleh</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>‹ Batal</source>
        <translation>‹ Cancel</translation>
    </message>
    <message>
        <source>Keyboard layar</source>
        <translation>On-screen keyboard</translation>
    </message>
    <message>
        <source>Serah terima ke petugas lain</source>
        <translation>Hand over to another officer</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Dokumen Anda sudah diterima</source>
        <translation>Your document has been received</translation>
    </message>
    <message>
        <source>Diterima %1 untuk %2: %3</source>
        <translation>Received %1 for %2: %3</translation>
    </message>
    <message>
        <source>Kode cek: %1</source>
        <translation>Check code: %1</translation>
    </message>
    <message>
        <source>Tanda terima Anda tetap tercatat dan bertanda tangan.</source>
        <translation>Your receipt is still recorded and signed.</translation>
    </message>
    <message>
        <source>Tanda terima sedang dicetak…</source>
        <translation>Printing your receipt…</translation>
    </message>
    <message>
        <source>Silakan ambil tanda terima Anda di bawah layar.</source>
        <translation>Please take your receipt below the screen.</translation>
    </message>
    <message>
        <source>Simpan tanda terima ini. Status dokumen dapat dicek di kios ini.</source>
        <translation>Keep this receipt. You can check the document's status at this kiosk.</translation>
    </message>
    <message>
        <source>Tanda terima Anda tetap tercatat dan bertanda tangan. Foto kode QR ini dan catat nomornya; petugas sudah diberi tahu dan dapat mencetak ulang.</source>
        <translation>Your receipt is recorded and signed. Take a photo of this QR code and note the number; staff have been told and can reprint it.</translation>
    </message>
</context>
<context>
    <name>ReceiptsPanel</name>
    <message>
        <source>Dokumen dalam proses</source>
        <translation>Documents in progress</translation>
    </message>
    <message>
        <source>Konfirmasi (dari kios)</source>
        <translation>Confirm (from the kiosk)</translation>
    </message>
    <message>
        <source>Diteruskan ke unit</source>
        <translation>Forwarded to the unit</translation>
    </message>
    <message>
        <source>Siap diambil</source>
        <translation>Ready for collection</translation>
    </message>
    <message>
        <source>Sudah diambil</source>
        <translation>Collected</translation>
    </message>
</context>
<context>
    <name>ReceivePanel</name>
    <message>
        <source>Terima dokumen di loket</source>
        <translation>Receive a document at the counter</translation>
    </message>
    <message>
        <source>Nama pengirim</source>
        <translation>Sender's name</translation>
    </message>
    <message>
        <source>No. HP (untuk dihubungi)</source>
        <translation>Mobile number (to call back)</translation>
    </message>
    <message>
        <source>Instansi (boleh kosong)</source>
        <translation>Organisation (optional)</translation>
    </message>
    <message>
        <source>NIK (boleh kosong)</source>
        <translation>NIK (optional)</translation>
    </message>
    <message>
        <source>Unit tujuan</source>
        <translation>Recipient unit</translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Jumlah halaman</source>
        <translation>Number of pages</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Selesai dalam (hari kerja)</source>
        <translation>Done within (working days)</translation>
    </message>
    <message>
        <source>Nomor HP hanya dipakai untuk memberi tahu pengirim saat dokumen siap, lalu dihapus.</source>
        <translation>The number is only used to tell the sender when the document is ready, then deleted.</translation>
    </message>
    <message>
        <source>Cetak tanda terima</source>
        <translation>Print the receipt</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Antrian</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Penjagaan loket</source>
        <translation>Staffing coverage</translation>
    </message>
    <message>
        <source>Survei kepuasan</source>
        <translation>Satisfaction survey</translation>
    </message>
    <message>
        <source>Beban kerja</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Analisis beban kerja (ABK)</source>
        <translation>Workload analysis (ABK)</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Ekspor {format}</source>
        <translation>Export {format}</translation>
    </message>
    <message>
        <source>Semua layanan</source>
        <translation>Every service</translation>
    </message>
    <message>
        <source>Tabel</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Diambil {issued}, dilayani {served}, tidak hadir {no_show}%, dialihkan {transferred}% · tunggu median {wait}, P90 {p90} · layanan median {service}</source>
        <translation>Issued {issued}, served {served}, no-show {no_show}%, transferred {transferred}% · waiting median {wait}, P90 {p90} · service median {service}</translation>
    </message>
    <message>
        <source>Loket depan dijaga {pct}% dari jam layanan · {gaps} kekosongan · {signed}/{days} hari disahkan</source>
        <translation>Front desk covered {pct}% of service hours · {gaps} gaps · {signed}/{days} days signed off</translation>
    </message>
    <message>
        <source>Pengunjung {visitors} · jam kurang petugas {under} · jam lebih petugas {over} · jam tidak tercatat {unrecorded}</source>
        <translation>Visitors {visitors} · under-staffed hours {under} · over-staffed hours {over} · hours not recorded {unrecorded}</translation>
    </message>
    <message>
        <source>ABK {year} · volume {volume} · beban kerja {hours} jam · kebutuhan pegawai {required} · pegawai yang ada {assigned}</source>
        <translation>ABK {year} · volume {volume} · workload {hours} h · staff required {required} · staff assigned {assigned}</translation>
    </message>
    <message>
        <source>IKM {ikm} · mutu {mutu}</source>
        <translation>IKM {ikm} · category {mutu}</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Layanan:bobot</source>
        <translation>Services:weight</translation>
    </message>
    <message>
        <source>Loket depan</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nomor loket</source>
        <translation>Counter number</translation>
    </message>
    <message>
        <source>Layanan dan bobot (mis. A,B:2)</source>
        <translation>Services and weights (e.g. A,B:2)</translation>
    </message>
    <message>
        <source>Loket depan (wajib dijaga)</source>
        <translation>Front desk (must be staffed)</translation>
    </message>
    <message>
        <source>Tambah loket</source>
        <translation>Add counter</translation>
    </message>
    <message>
        <source>Loket ditambahkan</source>
        <translation>Counter added</translation>
    </message>
    <message>
        <source>Simpan perubahan</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Perubahan loket disimpan</source>
        <translation>Counter changes saved</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Loket dinonaktifkan</source>
        <translation>Counter disabled</translation>
    </message>
    <message>
        <source>Nonaktifkan layanan {code}?</source>
        <translation>Disable service {code}?</translation>
    </message>
    <message>
        <source>Nonaktifkan layanan</source>
        <translation>Disable service</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama (Inggris)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>Kuota harian</source>
        <translation>Daily quota</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Kode (huruf)</source>
        <translation>Code (letter)</translation>
    </message>
    <message>
        <source>Kuota harian (0: tanpa batas)</source>
        <translation>Daily quota (0: no limit)</translation>
    </message>
    <message>
        <source>Jam layanan</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>Hari (1=Senin … 7=Minggu)</source>
        <translation>Days (1=Monday … 7=Sunday)</translation>
    </message>
    <message>
        <source>Menit per pengunjung</source>
        <translation>Minutes per visitor</translation>
    </message>
    <message>
        <source>Tambah layanan</source>
        <translation>Add service</translation>
    </message>
    <message>
        <source>Layanan ditambahkan</source>
        <translation>Service added</translation>
    </message>
    <message>
        <source>Perubahan layanan disimpan</source>
        <translation>Service changes saved</translation>
    </message>
    <message>
        <source>Layanan dinonaktifkan</source>
        <translation>Service disabled</translation>
    </message>
    <message>
        <source>petugas</source>
        <translation>officer</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>kepala</source>
        <translation>head</translation>
    </message>
    <message>
        <source>Kunci akun {name} dibuka</source>
        <translation>Account {name} unlocked</translation>
    </message>
    <message>
        <source>Akun {name} tidak terkunci</source>
        <translation>Account {name} was not locked</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>PIN loket (kosong: tidak diubah)</source>
        <translation>Counter PIN (empty: unchanged)</translation>
    </message>
    <message>
        <source>Kata sandi admin (kosong: tidak diubah)</source>
        <translation>Admin password (empty: unchanged)</translation>
    </message>
    <message>
        <source>Tambah petugas</source>
        <translation>Add staff</translation>
    </message>
    <message>
        <source>Petugas ditambahkan</source>
        <translation>Staff member added</translation>
    </message>
    <message>
        <source>Perubahan petugas disimpan</source>
        <translation>Staff changes saved</translation>
    </message>
    <message>
        <source>Petugas dinonaktifkan</source>
        <translation>Staff member disabled</translation>
    </message>
    <message>
        <source>Buka kunci masuk</source>
        <translation>Unlock login</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Masuk ke loket</source>
        <translation>Sign in to a counter</translation>
    </message>
    <message>
        <source>Pilih nama pengguna dan loket, lalu masukkan PIN. Selama aplikasi terbuka loket tercatat dijaga.</source>
        <translation>Choose your username and counter, then enter your PIN. While the app is open the counter is recorded as staffed.</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Loket</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>StaffingLogPage</name>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Berakhir</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Lama</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Penyebab</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Petugas / loket</source>
        <translation>Officer / counter</translation>
    </message>
    <message>
        <source>Eskalasi</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Loket</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Jam layanan</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>Dijaga</source>
        <translation>Staffed</translation>
    </message>
    <message>
        <source>Istirahat</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Periksa keutuhan log</source>
        <translation>Verify the log</translation>
    </message>
    <message>
        <source>Kata sandi kepala</source>
        <translation>Head's password</translation>
    </message>
    <message>
        <source>Senin</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Selasa</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Rabu</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Kamis</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Jumat</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Sabtu</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Minggu</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>Mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>Agu</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>Okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>Des</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>Sahkan hari ini</source>
        <comment>the day shown is today</comment>
        <translation>Sign off today</translation>
    </message>
    <message>
        <source>Sahkan {day}</source>
        <translation>Sign off {day}</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Loket {number}</source>
        <translation>Counter {number}</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <source>tidak tercatat</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>loket {number}</source>
        <translation>counter {number}</translation>
    </message>
    <message>
        <source>berlangsung</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <source>libur: {name}</source>
        <translation>holiday: {name}</translation>
    </message>
    <message>
        <source>Tidak tercatat — kantor belum mulai mencatat penjagaan</source>
        <translation>Not recorded — the office had not started recording staffing</translation>
    </message>
    <message>
        <source>loket depan dijaga {pct}% ({covered} / {service}) · kekosongan {gaps}</source>
        <translation>front desk covered {pct}% ({covered} / {service}) · gaps {gaps}</translation>
    </message>
    <message>
        <source>Disahkan oleh {name} pada {at}</source>
        <translation>Signed off by {name} at {at}</translation>
    </message>
    <message>
        <source>kode segel {code}</source>
        <translation>seal code {code}</translation>
    </message>
    <message>
        <source>PERHATIAN: {n} catatan masuk setelah pengesahan</source>
        <translation>WARNING: {n} entries recorded after the sign-off</translation>
    </message>
    <message>
        <source>Belum disahkan kepala</source>
        <translation>Not signed off yet</translation>
    </message>
    <message>
        <source>{day} disahkan · kode segel {code} (catat di buku atau simpan cetakannya)</source>
        <translation>{day} signed off · seal code {code} (write it down or keep the print-out)</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <source>bobot tepat 1/9</source>
        <translation>exact weight 1/9</translation>
    </message>
    <message>
        <source>bobot lama 0,111</source>
        <translation>legacy weight 0.111</translation>
    </message>
    <message>
        <source>bobot lama 0,11</source>
        <translation>legacy weight 0.11</translation>
    </message>
    <message>
        <source>Hitung IKM</source>
        <translation>Compute IKM</translation>
    </message>
    <message>
        <source>Cetak laporan (PDF)</source>
        <translation>Print report (PDF)</translation>
    </message>
    <message>
        <source>Unsur</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Jawaban</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Jumlah nilai</source>
        <translation>Sum</translation>
    </message>
    <message>
        <source>NRR × bobot</source>
        <translation>NRR × weight</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Mutu</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Responden</source>
        <translation>Respondents</translation>
    </message>
    <message>
        <source>Sampel minimal</source>
        <translation>Required sample</translation>
    </message>
    <message>
        <source>Semua layanan</source>
        <translation>Every service</translation>
    </message>
    <message>
        <source>IKM: belum ada responden</source>
        <translation>IKM: no respondents yet</translation>
    </message>
    <message>
        <source>IKM {ikm} · mutu {mutu}</source>
        <translation>IKM {ikm} · category {mutu}</translation>
    </message>
    <message>
        <source>Responden {n} dari {population} pengunjung dilayani; sampel minimal {required} — tercapai</source>
        <translation>Respondents {n} of {population} visitors served; required sample {required} — reached</translation>
    </message>
    <message>
        <source>Responden {n} dari {population} pengunjung dilayani; sampel minimal {required} — BELUM tercapai</source>
        <translation>Respondents {n} of {population} visitors served; required sample {required} — NOT reached</translation>
    </message>
    <message>
        <source>Unsur terlemah</source>
        <translation>Weakest element</translation>
    </message>
    <message>
        <source>Simpan laporan IKM</source>
        <translation>Save the IKM report</translation>
    </message>
    <message>
        <source>Berkas PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <source>Laporan IKM disimpan: {path}</source>
        <translation>IKM report saved: {path}</translation>
    </message>
</context>
<context>
    <name>SurveyScreen</name>
    <message>
        <source>Survei Kepuasan Masyarakat</source>
        <translation>Public satisfaction survey</translation>
    </message>
    <message>
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Sembilan pertanyaan singkat tentang layanan kami. Jawaban Anda tanpa nama dan membantu kami memperbaiki layanan.</source>
        <translation>Nine short questions about our service. Your answers are anonymous and help us improve.</translation>
    </message>
    <message>
        <source>Nomor antrean Anda hari ini, misalnya A-012 (boleh kosong):</source>
        <translation>Your queue number today, for example A-012 (optional):</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Tentang Anda (semua boleh dikosongkan)</source>
        <translation>About you (everything is optional)</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Umur (tahun)</source>
        <translation>Age (years)</translation>
    </message>
    <message>
        <source>Pendidikan terakhir</source>
        <translation>Highest education</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Kirim penilaian</source>
        <translation>Send rating</translation>
    </message>
    <message>
        <source>Terima kasih atas penilaian Anda!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Pertanyaan %1 dari %2 · %3</source>
        <translation>Question %1 of %2 · %3</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Simpan teks ini</source>
        <translation>Save this text</translation>
    </message>
    <message>
        <source>Pakai teks bawaan</source>
        <translation>Use the built-in text</translation>
    </message>
    <message>
        <source>Isian: {office} nama kantor, {reference} nomor tanda terima/pengaduan/antrean, {service} layanan, {date} tanggal. Satu SMS memuat 160 karakter GSM-7, atau 70 bila ada huruf di luar GSM-7 (mis. emoji); lebih dari itu dikirim sebagai beberapa SMS.</source>
        <translation>Placeholders: {office} the office's name, {reference} the receipt/complaint/ticket number, {service} the service, {date} the date. One SMS holds 160 GSM-7 characters, or 70 when a character is outside GSM-7 (e.g. an emoji); longer texts go as several SMS.</translation>
    </message>
    <message>
        <source>%1 karakter GSM-7 · %2 SMS</source>
        <translation>%1 GSM-7 characters · %2 SMS</translation>
    </message>
    <message>
        <source>%1 karakter Unicode (70 per SMS) · %2 SMS</source>
        <translation>%1 Unicode characters (70 per SMS) · %2 SMS</translation>
    </message>
    <message>
        <source>Contoh: %1</source>
        <translation>Example: %1</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Nomor antrean Anda</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <source>Tidak ada orang di depan Anda</source>
        <translation>Nobody is ahead of you</translation>
    </message>
    <message numerus="yes">
        <source>Di depan Anda: %n orang</source>
        <translation>
            <numerusform>%n person ahead of you</numerusform>
            <numerusform>%n people ahead of you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Perkiraan menunggu: %n menit</source>
        <translation>
            <numerusform>Estimated wait: %n minute</numerusform>
            <numerusform>Estimated wait: %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Nomor Anda tetap berlaku. Sebutkan nomor ini kepada petugas.</source>
        <translation>Your number is still valid. Tell this number to an officer.</translation>
    </message>
    <message>
        <source>Tiket sedang dicetak…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <source>Silakan ambil tiket Anda di bawah layar.</source>
        <translation>Please take your ticket below the screen.</translation>
    </message>
    <message>
        <source>Tunggu nomor Anda dipanggil.</source>
        <translation>Wait for your number to be called.</translation>
    </message>
    <message>
        <source>Nomor Anda tetap berlaku dan sudah tercatat. Foto kode QR ini atau ingat nomornya; petugas sudah diberi tahu dan dapat mencetak ulang.</source>
        <translation>Your number is valid and recorded. Take a photo of this QR code or remember the number; staff have been told and can reprint it.</translation>
    </message>
</context>
<context>
    <name>TransferScreen</name>
    <message>
        <source>Alihkan pengunjung</source>
        <translation>Transfer the visitor</translation>
    </message>
    <message>
        <source>Ke layanan lain (tetap dengan waktu datangnya)</source>
        <translation>To another service (keeping their arrival time)</translation>
    </message>
    <message>
        <source>Ke loket tertentu</source>
        <translation>To a specific counter</translation>
    </message>
    <message>
        <source>‹ Batal</source>
        <translation>‹ Cancel</translation>
    </message>
</context>
<context>
    <name>VoicePage</name>
    <message>
        <source>Otomatis: suara terbaik yang terpasang</source>
        <translation>Automatic: the best voice installed</translation>
    </message>
    <message>
        <source>Qt speech (speech-dispatcher)</source>
        <translation>Qt speech (speech-dispatcher)</translation>
    </message>
    <message>
        <source>espeak-ng</source>
        <translation>espeak-ng</translation>
    </message>
    <message>
        <source>Nada panggil saja (tanpa suara)</source>
        <translation>The chime only (no voice)</translation>
    </message>
    <message>
        <source>Suara papan antrean</source>
        <translation>Display board voice</translation>
    </message>
    <message>
        <source>Ucapkan juga dalam bahasa Inggris</source>
        <translation>Also say it in English</translation>
    </message>
    <message>
        <source>Bahasa awal kios</source>
        <translation>Kiosk start language</translation>
    </message>
    <message>
        <source>Simpan suara dan bahasa</source>
        <translation>Save voice and language</translation>
    </message>
    <message>
        <source>Bahasa aplikasi admin (PC ini)</source>
        <translation>Admin app language (this PC)</translation>
    </message>
    <message>
        <source>Suara di PC ini</source>
        <translation>Voices on this PC</translation>
    </message>
    <message>
        <source>Contoh panggilan</source>
        <translation>Sample call</translation>
    </message>
    <message>
        <source>Bunyikan nada panggil</source>
        <translation>Play the chime</translation>
    </message>
    <message>
        <source>Papan antrean mengikuti pengaturan ini seketika, di antara dua panggilan; suara yang tidak terpasang di PC papan turun ke yang berikutnya, akhirnya nada dan layar saja. Opsi loket-display --voice / --no-english di satu papan mengganti pengaturan ini untuk papan itu. Kios kembali ke bahasa awal untuk setiap pengunjung berikutnya.</source>
        <translation>The display boards follow these settings at once, between two calls; a voice not installed on a board's PC falls back to the next one, in the end the chime and the screen only. loket-display --voice / --no-english on one board override them for that board. The kiosk returns to its start language for every next visitor.</translation>
    </message>
    <message>
        <source>tidak ada (nada saja)</source>
        <translation>none (chime only)</translation>
    </message>
    <message>
        <source>Suara dan bahasa disimpan; papan antrean mengikuti seketika</source>
        <translation>Voice and language saved; the display boards follow at once</translation>
    </message>
</context>
<context>
    <name>WorkloadPage</name>
    <message>
        <source>Jam kurang petugas</source>
        <translation>Under-staffed hours</translation>
    </message>
    <message>
        <source>Jam lebih petugas</source>
        <translation>Over-staffed hours</translation>
    </message>
    <message>
        <source>Jam tidak tercatat</source>
        <translation>Hours not recorded</translation>
    </message>
    <message>
        <source>Pengunjung</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>dalam</source>
        <translation>within</translation>
    </message>
    <message>
        <source>menit</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Grafik</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Per hari dan jam</source>
        <translation>Per weekday and hour</translation>
    </message>
    <message>
        <source>Minggu depan</source>
        <translation>Next week</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Tidak ada pengunjung dan tidak ada petugas bertugas dalam periode ini.</source>
        <translation>No visitors and no officers at work in this period.</translation>
    </message>
    <message>
        <source>Tampilkan ABK</source>
        <translation>Show ABK</translation>
    </message>
    <message>
        <source>Target: {pct} % dalam {minutes} menit</source>
        <translation>Target: {pct} % within {minutes} minutes</translation>
    </message>
    <message>
        <source>{service}: {pct} % dalam {minutes} menit</source>
        <translation>{service}: {pct} % within {minutes} minutes</translation>
    </message>
    <message>
        <source>{n} jam kurang petugas</source>
        <translation>{n} under-staffed hours</translation>
    </message>
    <message>
        <source>Petugas per jam, {day}</source>
        <translation>Officers per hour, {day}</translation>
    </message>
    <message>
        <source>Target waktu tunggu disimpan</source>
        <translation>Wait target saved</translation>
    </message>
    <message>
        <source>ABK {year}: volume {volume} · beban kerja {hours} jam · kebutuhan pegawai {required} · pegawai yang ada {assigned}</source>
        <translation>ABK {year}: volume {volume} · workload {hours} h · staff required {required} · staff assigned {assigned}</translation>
    </message>
    <message>
        <source>Ekspor ringkasan ABK {year}:</source>
        <translation>Export the ABK summary {year}:</translation>
    </message>
    <message>
        <source>Ekspor laporan beban kerja {first} – {last}:</source>
        <translation>Export the workload report {first} – {last}:</translation>
    </message>
</context>
</TS>