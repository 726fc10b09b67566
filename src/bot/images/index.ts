// AI images in Teams (issue 6): the bot's side of src/images.
export { addressedToBot, asksQuestion, handleImages, remindIfImageClaim, type ImageTurn } from "./routing";
export { handleImageCopySubmit, imageCopyInvokeResponse } from "./copy";
export { DEFAULT_IMAGE_SETTINGS, type ImageSettings } from "./settings";
