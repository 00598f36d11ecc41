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
        <translation>Show the receipt&apos;s QR code to the camera.</translation>
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
        <translation>Sender&apos;s name</translation>
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
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Serahkan dan cetak tanda terima</source>
        <translation>Hand in and print the receipt</translation>
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
        <translation>Taking-over officer&apos;s PIN</translation>
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
    <name>OnScreenKeyboard</name>
    <message>
        <source>spasi</source>
        <translation>space</translation>
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
        <translation>Keep this receipt. You can check the document&apos;s status at this kiosk.</translation>
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
        <translation>Sender&apos;s name</translation>
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
        <source>Cetak tanda terima</source>
        <translation>Print the receipt</translation>
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
</TS>
