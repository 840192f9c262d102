import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withSignInThrottle } from "@/lib/auth/sign-in-route";

// A refused credentials sign-in that the throttle caused is answered 429 with Retry-After.
const handler = withSignInThrottle(NextAuth(authOptions));

export { handler as GET, handler as POST };
