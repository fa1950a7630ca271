import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'replace.title': 'Kịch bản đang mở chưa được lưu',
  'replace.link':
    'Kịch bản mở từ liên kết này đã được sửa nhưng chưa lưu vào Kịch bản của tôi. Mở kịch bản khác sẽ bỏ các thay đổi đó.',
  'replace.deleted':
    'Kịch bản này đã bị xóa ở tab khác và chỉ còn ở tab này. Nếu mở kịch bản khác, kịch bản này sẽ mất.',
  'replace.save': 'Lưu rồi mở kịch bản khác',
  'replace.discard': 'Bỏ thay đổi và mở',
  'replace.stay': 'Tiếp tục với kịch bản này',
  'share.title': 'Chia sẻ kịch bản',
  'share.link': 'Liên kết đến kịch bản này',
  'share.copy': 'Sao chép liên kết',
  'share.copied': 'Đã sao chép liên kết.',
  'share.copyFailed': 'Không sao chép tự động được; hãy chọn liên kết rồi sao chép.',
  'share.qr': 'Mã QR: quét bằng điện thoại để mở kịch bản',
  'share.qrTooLong':
    'Liên kết dài {length} ký tự, quá dài để điện thoại quét mã QR ổn định; hãy gửi liên kết qua tin nhắn.',
  'share.length': '{length} ký tự',
  'share.close': 'Đóng',
  'pwa.updateReady': 'Đã có phiên bản mới của ứng dụng. Tải lại trang khi thuận tiện.',
  'pwa.installed':
    'Đã cài phiên bản mới; trang này vẫn chạy bản cũ. Khi tải lại, ứng dụng lưu các thay đổi rồi chuyển sang bản mới.',
  'pwa.saveFailed': 'Không lưu được các thay đổi nên trang chưa tải lại.',
  'pwa.reload': 'Tải lại',
  'pwa.later': 'Để sau',
};

/** Every text key of the share dialog, the update prompt and the question before unsaved work is replaced. */
export type DialogKey = keyof typeof vi;

const en: Record<DialogKey, string> = {
  'replace.title': 'The open scenario is not saved',
  'replace.link':
    'The scenario opened from this link has been edited but not saved to My scenarios. Opening another one discards those edits.',
  'replace.deleted': 'This scenario was deleted in another tab and exists only here. Opening another one discards it.',
  'replace.save': 'Save, then open',
  'replace.discard': 'Discard and open',
  'replace.stay': 'Stay',
  'share.title': 'Share this scenario',
  'share.link': 'Link to this scenario',
  'share.copy': 'Copy link',
  'share.copied': 'Link copied.',
  'share.copyFailed': 'Could not copy automatically; select the link and copy it.',
  'share.qr': 'QR code to open on a phone',
  'share.qrTooLong':
    'The link is {length} characters long, too long for a QR code that scans reliably; send the link by message instead.',
  'share.length': '{length} characters',
  'share.close': 'Close',
  'pwa.updateReady': 'A new version is ready. Reload when it suits you.',
  'pwa.installed':
    'A new version has been installed; this page still runs the old one. Reload saves your edits, then moves to it.',
  'pwa.saveFailed': 'Your edits could not be saved, so the page was not reloaded.',
  'pwa.reload': 'Reload',
  'pwa.later': 'Later',
};

/** The texts of those dialogs per language, same keys; they load with the dialogs. */
export const dialogDictionaries = { vi, en };

/** Looks up a text of one of those dialogs and fills its {placeholders}. */
export const translateDialog = textPart(dialogDictionaries);
