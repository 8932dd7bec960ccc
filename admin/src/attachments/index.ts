export { AttachmentsPanel } from './AttachmentsPanel';
export { AttachmentThumb } from './AttachmentThumb';
export { uploadAttachment, useUploadErrorText } from './api';
export { FilePicker } from './FilePicker';
export { useAttachmentsChanged } from './UploadDialog';
