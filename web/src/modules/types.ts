import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '@fugong/contract';

export interface MenuEntry {
  /** unique key, also the route path below the staff layout, e.g. 'registry/entities' */
  path: string;
  /** i18n key with namespace, e.g. 'registry:menu.entities' */
  labelKey: string;
  icon?: ReactNode;
  /** shown only to users holding this permission (any of, when an array) */
  permission?: Permission | Permission[];
  /** menu group key: 'resumption' | 'prevention' | 'services' | 'system' */
  group: 'resumption' | 'prevention' | 'services' | 'system';
}

/** What a business module contributes to the web app; listed in modules/index.ts. */
export interface WebModule {
  name: string;
  /** routes rendered inside the signed-in staff layout (paths relative, e.g. 'registry/entities/:id') */
  routes: RouteObject[];
  /** routes with no sign-in, phone-first (public booking, complaint form, pass self-check …) */
  publicRoutes?: RouteObject[];
  menu?: MenuEntry[];
  /** a card shown first on the home page (it decides itself whether the user needs it, e.g. the leaders' queue) */
  homeWidget?: ComponentType;
  /**
   * headline cards the module adds to the command dashboard 大屏 (built from `ScreenCard`); each decides
   * itself whether the viewer may see it and renders nothing otherwise
   */
  screenCards?: ComponentType<ScreenCardProps>[];
}

/** What the 大屏 tells a module's card: the region subtree and day it shows. */
export interface ScreenCardProps {
  regionCode?: string;
  date?: string;
}
