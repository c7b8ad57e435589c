import QRCode from "qrcode";
import { z } from "zod";

import { newTotpSecret, otpauthUrl } from "../../services/totp/totp";
import { readUser } from "../../services/users/read-user";
import { tokenProcedure } from "../../trpc";

/**
 * Starts enrolling an authenticator: a fresh secret, its `otpauth://` URL and a QR code of it.
 * Nothing is stored until `enable` proves the app produces valid codes.
 */
export const totpBeginProcedure = tokenProcedure
  .output(z.object({ secretBase32: z.string(), otpauthUrl: z.string(), qrCodeDataUrl: z.string() }))
  .mutation(async ({ ctx }) => {
    const user = await readUser(ctx.services.db, {
      target: { id: ctx.session.userId },
      projectId: ctx.session.projectId,
      session: ctx.session,
      serverAccess: false,
    });
    const secret = newTotpSecret();
    const url = otpauthUrl(secret.base32, user.email);
    return {
      secretBase32: secret.base32,
      otpauthUrl: url,
      qrCodeDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 240 }),
    };
  });
